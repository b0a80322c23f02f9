import AuthHeroCore
import AuthHeroVerify
import Foundation
import Hummingbird

/// Guards every `/api/v2/*` route: extracts the bearer token, resolves the target tenant (the host, or the
/// `tenant-id` header at the control-plane host only), verifies the token through `AuthHeroVerify` against the
/// issuer's own keys from storage with the management audience only, decides whether this caller may act on that
/// tenant, checks that the token's user or client still has access (`LiveAccessCheck`), and writes platform-staff
/// requests to the audit log before they run.
struct ManagementAuthorizationMiddleware: RouterMiddleware {
    typealias Context = AuthHeroRequestContext
    let services: AuthHeroServices

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let host = try context.requireTenant()
        let target = try await targetTenant(request, host: host)
        let tenantIssuers = try await services.resolver.issuers(of: target)
        let token = try await verifiedToken(request, target: target, tenantIssuers: tenantIssuers)
        let caller = try await authorize(token, target: target, tenantIssuers: tenantIssuers)
        try await LiveAccessCheck(services: services).require(caller)
        if caller.kind == .platformStaff { try await audit(caller, request: request) }
        var context = context
        context.management = caller
        return try await next(request, context)
    }

    /// The tenant the request acts on. The header is honoured only at the control-plane host, so a tenant's own
    /// host can never be redirected elsewhere; there it must agree with the host.
    private func targetTenant(_ request: Request, host: TenantContext) async throws -> TenantContext {
        guard let named = request.headers[.tenantID] else { return host }
        guard host.tenant.id == ControlPlane.tenantID else {
            guard named == host.tenant.id else {
                throw ManagementError.invalidTenantHeader(
                    "The tenant-id header names another tenant than this host serves; send it only to the control "
                        + "plane's host, or drop it.")
            }
            return host
        }
        if named == ControlPlane.tenantID { return host }
        guard TenantName.isValidLabel(named), let tenant = try await services.storage.tenant(named) else {
            throw ManagementError.notFound(
                "inexistent_tenant", "The tenant named by the tenant-id header does not exist.")
        }
        return TenantContext(tenant: tenant, issuer: services.resolver.hosts.subdomainIssuer(tenantID: tenant.id))
    }

    /// Accepts tokens of the control plane and of the target tenant (any of its issuers: subdomain and verified
    /// custom domains), each checked only against its own keys.
    private func verifiedToken(_ request: Request, target: TenantContext, tenantIssuers: Set<String>) async throws
        -> VerifiedToken
    {
        guard let authorization = request.headers[.authorization], authorization.lowercased().hasPrefix("bearer ")
        else {
            throw ManagementError.invalidToken("A Bearer access token for \(ManagementAPI.audience) is required.")
        }
        let hosts = services.resolver.hosts
        var keysByIssuer: [String: any JWKSSource] = [hosts.controlPlaneIssuer: keySource(ControlPlane.tenantID)]
        if target.tenant.id != ControlPlane.tenantID {
            for issuer in tenantIssuers { keysByIssuer[issuer] = keySource(target.tenant.id) }
        }
        let verifier = TokenVerifier(
            policy: VerificationPolicy(issuers: Set(keysByIssuer.keys), audiences: [ManagementAPI.audience]),
            keysByIssuer: keysByIssuer, now: { [clock = services.clock] in clock.now() },
            keyCache: services.verificationKeys)
        do {
            return try await verifier.verify(String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces))
        } catch {
            throw ManagementError.invalidToken(error.description)
        }
    }

    private func keySource(_ tenantID: String) -> LocalJWKSSource {
        LocalJWKSSource { [keys = services.keys] in try await keys.keyRing(tenantID: tenantID).jwks }
    }

    /// Who may act where; organization tokens are matched
    /// to the tenant through the link's ids on both sides, never through names.
    private func authorize(_ token: VerifiedToken, target: TenantContext, tenantIssuers: Set<String>) async throws
        -> ManagementCaller
    {
        let controlPlaneIssuer = services.resolver.hosts.controlPlaneIssuer
        if target.tenant.id == ControlPlane.tenantID {
            guard token.organizationID == nil else {
                throw ManagementError.forbiddenTenant(
                    "An organization token manages only the tenant linked to its organization, not the control plane. "
                        + "Use a token requested without an organization.")
            }
            return ManagementCaller(token: token, target: target.tenant, kind: .portal)
        }
        if tenantIssuers.contains(token.issuer) && token.issuer != controlPlaneIssuer {
            return ManagementCaller(token: token, target: target.tenant, kind: .tenant)
        }
        if let organizationID = token.organizationID {
            guard target.tenant.organizationID == organizationID,
                let organization = try await services.storage.organization(
                    organizationID, tenantID: ControlPlane.tenantID),
                organization.metadata["tenant_id"] == target.tenant.id
            else {
                throw ManagementError.forbiddenTenant(
                    "This organization token may manage only the tenant linked to its organization; request a token "
                        + "for the organization of tenant \(target.tenant.id).")
            }
            return ManagementCaller(token: token, target: target.tenant, kind: .organization(organizationID))
        }
        guard token.hasPermission(ManagementAPI.platformStaffPermission) else {
            throw ManagementError.forbiddenTenant(
                "A control-plane token without an organization acts only on the control plane; request a token with "
                    + "organization=<the tenant's organization id> to manage tenant \(target.tenant.id).")
        }
        return ManagementCaller(token: token, target: target.tenant, kind: .platformStaff)
    }

    /// Writes the staff request to the target tenant's audit log first; if the write fails the request is not run.
    private func audit(_ caller: ManagementCaller, request: Request) async throws {
        let event = AuditEvent(
            tenantID: caller.target.id, occurredAt: services.clock.now(), actor: caller.token.subject,
            action: "management_api.platform_staff", target: "\(request.method.rawValue) \(request.uri.path)",
            details: ["issuer": caller.token.issuer])
        do {
            try await services.storage.append(event, tenantID: caller.target.id)
        } catch {
            throw ManagementError.auditUnavailable
        }
    }
}

extension HTTPFields.Element.Name {
    static let tenantID = Self(ManagementAPI.tenantHeader)!
}
