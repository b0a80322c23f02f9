import AuthHeroCore
import AuthHeroVerify
import Foundation
import Hummingbird

/// `/api/v2/keys/signing`: the target tenant's signing keys. Listing never shows private material; rotation makes a
/// new current key and keeps the old one published for the tenant's grace period; revocation withdraws a key from
/// the JWKS at once, so every token it signed stops verifying. The current key is never revoked directly: rotate
/// first, then revoke the key that became previous (a tenant is never left without a key to sign with). Declared in
/// `SigningKeyOperations.swift`.
struct SigningKeyRoutes: Sendable {
    let services: AuthHeroServices

    func list(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Response
    {
        let keys = try await services.keys.keys(tenantID: caller.target.id)
        return JSONResponse.make(try keys.map(ManagementSigningKey.init))
    }

    func get(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Response
    {
        JSONResponse.make(try ManagementSigningKey(try await existingKey(context, caller)))
    }

    func rotate(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Response
    {
        let kid = try await services.keys.rotate(tenantID: caller.target.id, actor: caller.token.subject)
        let key = try await storedKey(kid, caller)
        let cert = ManagementSigningKey.auth0PEM(try ManagementSigningKey.certificate(of: key))
        return JSONResponse.make(RotatedSigningKey(kid: kid, cert: cert), status: .created)
    }

    func revoke(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Response
    {
        var key = try await existingKey(context, caller)
        switch key.status {
        case .current:
            throw ManagementError(
                status: .conflict, errorCode: "signing_key_in_use",
                message: "Key \(key.kid) is the current signing key. Rotate first "
                    + "(POST /api/v2/keys/signing/rotate), then revoke it as the previous key.")
        case .previous:
            try await services.keys.revoke(tenantID: caller.target.id, kid: key.kid, actor: caller.token.subject)
            key = try await existingKey(context, caller)
        case .revoked:
            // Already withdrawn: nothing changes, so nothing is written or audited again.
            break
        }
        return JSONResponse.make(
            RevokedSigningKey(
                kid: key.kid, cert: ManagementSigningKey.auth0PEM(try ManagementSigningKey.certificate(of: key)),
                revokedAt: (key.revokedAt ?? services.clock.now()).formatted(.iso8601)))
    }

    /// The key the path names in the target tenant, or 404 `inexistent_signing_key`.
    private func existingKey(_ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws -> SigningKey {
        try await storedKey(ManagementRequest.pathParameter("kid", context), caller)
    }

    /// The target tenant's key `kid`, with its certificate, or 404 `inexistent_signing_key`.
    private func storedKey(_ kid: String, _ caller: ManagementCaller) async throws -> SigningKey {
        guard let key = try await services.keys.keys(tenantID: caller.target.id).first(where: { $0.kid == kid })
        else { throw ManagementError.notFound("inexistent_signing_key", "The signing key \(kid) does not exist.") }
        return key
    }
}
