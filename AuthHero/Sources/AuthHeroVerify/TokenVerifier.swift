import Foundation
import JWTKit

/// Verifies bearer access tokens for one resource server.
///
/// Checks, in order: size and structure, header (`alg` allow-list, `kid`, `crit`, `typ`), issuer, `kid` lookup in
/// that issuer's keys (refreshing once when unknown), signature with the key bound to the header's algorithm,
/// audience, `exp` / `nbf` / `iat` with the policy's leeway. The first failure is thrown with a user-facing
/// explanation. The token never decides where keys come from: `jku`, `x5u` and embedded `jwk` headers are ignored.
public struct TokenVerifier: Sendable {
    /// Longer tokens are refused unparsed; an access token with hundreds of permissions stays far below this.
    public static let maximumTokenBytes = 16 * 1024

    /// The policy in force.
    public let policy: VerificationPolicy
    private let keysByIssuer: [String: any JWKSSource]
    private let now: @Sendable () -> Date
    /// Built keys, shared by copies of this verifier; see ``VerificationKeyCache`` for why a rotated key cannot be
    /// served from it.
    private let keyCache: VerificationKeyCache

    /// A verifier trusting every key of `keys` for every issuer of `policy`.
    ///
    /// Use it for a single issuer. To accept several tenants, give each its own keys with
    /// ``init(policy:keysByIssuer:now:)``, otherwise one tenant's key could sign a token claiming another's issuer.
    public init(
        policy: VerificationPolicy, keys: any JWKSSource, now: @escaping @Sendable () -> Date = { Date() },
        keyCache: VerificationKeyCache = VerificationKeyCache()
    ) {
        self.init(
            policy: policy,
            keysByIssuer: Dictionary(uniqueKeysWithValues: policy.issuers.map { ($0, keys) }),
            now: now,
            keyCache: keyCache
        )
    }

    /// A verifier where each issuer's tokens are checked only against that issuer's keys.
    ///
    /// Only issuers that are both in `policy.issuers` and in `keysByIssuer` are accepted. Servers that build a
    /// verifier per request pass one long-lived `keyCache` so keys are not rebuilt for every token.
    public init(
        policy: VerificationPolicy,
        keysByIssuer: [String: any JWKSSource],
        now: @escaping @Sendable () -> Date = { Date() },
        keyCache: VerificationKeyCache = VerificationKeyCache()
    ) {
        self.policy = policy
        self.keyCache = keyCache
        self.keysByIssuer = keysByIssuer.filter { policy.issuers.contains($0.key) }
        self.now = now
    }

    /// Verifies `token` (the bearer value, without the `Bearer ` prefix) and returns its claims.
    public func verify(_ token: String) async throws(TokenVerificationError) -> VerifiedToken {
        guard token.utf8.count <= Self.maximumTokenBytes else {
            throw .malformed("it is \(token.utf8.count) bytes long; at most \(Self.maximumTokenBytes) are accepted")
        }
        let parsed = try ParsedToken(token, acceptedAlgorithms: policy.acceptedAlgorithms)
        let header = parsed.header
        guard let keys = keysByIssuer[parsed.issuer] else {
            throw .issuerNotAccepted(parsed.issuer, accepted: keysByIssuer.keys.sorted())
        }
        let jwk = try SignatureKey.compatibleKey(
            for: header.algorithm, keyID: header.keyID, candidates: try await candidates(header.keyID, from: keys))
        let entry = VerificationKeyCache.Entry(
            issuer: parsed.issuer, algorithm: header.algorithm, keyID: header.keyID,
            material: VerificationKeyCache.material(of: jwk))
        let algorithm = try await keyCache.algorithm(for: entry) { () async throws(TokenVerificationError) in
            try await SignatureKey.verifier(for: header.algorithm, keyID: header.keyID, jwk: jwk)
        }
        // Anything from the signature step (wrong length, no match) means the signature does not verify.
        guard (try? algorithm.verify(parsed.signature, signs: parsed.signingInput)) == true else {
            throw .badSignature
        }
        guard let claims = parsed.claims else {
            throw .malformed("its claims are not valid JSON claims of an access token")
        }
        return try check(claims, issuer: parsed.issuer, header: header)
    }

    /// The keys named `keyID`, asking the source once more when the first answer has none (keys may have rotated).
    private func candidates(_ keyID: String, from source: any JWKSSource) async throws(TokenVerificationError) -> [JWK]
    {
        for refresh in [false, true] {
            let found = SignatureKey.candidates(keyID, in: try await keySet(from: source, refresh: refresh))
            if !found.isEmpty { return found }
        }
        throw .unknownKeyID(keyID)
    }

    private func keySet(from source: any JWKSSource, refresh: Bool) async throws(TokenVerificationError) -> JWKS {
        do {
            return try await source.keySet(refresh: refresh)
        } catch let error as TokenVerificationError {
            throw error
        } catch {
            throw .keysUnavailable("\(error)")
        }
    }

    /// Checks the signed claims; `issuer` is the `iss` already matched to the keys, read from the same bytes.
    private func check(
        _ claims: AccessTokenClaims, issuer: String, header: TokenHeader
    ) throws(TokenVerificationError) -> VerifiedToken {
        let audiences = claims.aud?.value ?? []
        guard audiences.contains(where: policy.audiences.contains) else {
            throw .audienceNotAccepted(audiences, accepted: policy.audiences.sorted())
        }
        guard let subject = claims.sub, !subject.isEmpty else {
            throw .malformed("it has no \"sub\" (subject) claim")
        }
        guard let expiresAt = claims.exp else {
            throw .malformed("it has no \"exp\" (expiry) claim")
        }
        guard let issuedAt = claims.iat else {
            throw .malformed("it has no \"iat\" (issued at) claim")
        }
        let now = now()
        let leeway =
            TimeInterval(policy.leeway.components.seconds)
            + TimeInterval(policy.leeway.components.attoseconds) / 1e18
        guard now < expiresAt.addingTimeInterval(leeway) else {
            throw .expired(expiresAt)
        }
        if let notBefore = claims.nbf, now.addingTimeInterval(leeway) < notBefore {
            throw .notYetValid(notBefore)
        }
        guard issuedAt <= now.addingTimeInterval(leeway) else {
            throw .issuedInFuture(issuedAt)
        }
        return VerifiedToken(
            issuer: issuer,
            subject: subject,
            audiences: audiences,
            clientID: claims.clientID,
            authorizedParty: claims.azp,
            organizationID: claims.orgID,
            organizationName: claims.orgName,
            scopes: claims.scope.map { $0.split(separator: " ").map(String.init) } ?? [],
            permissions: claims.permissions ?? [],
            grantType: claims.gty,
            issuedAt: issuedAt,
            expiresAt: expiresAt,
            tokenID: claims.jti,
            keyID: header.keyID,
            algorithm: header.algorithm
        )
    }
}
