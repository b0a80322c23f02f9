import AuthHeroCore
import Foundation

/// A signing key in Auth0's shape (`GET /api/v2/keys/signing`): its state flags, when it was current, and its
/// fingerprints. Never carries private material; `cert`/`pkcs7` are omitted because this runtime issues no
/// certificates. `next` is always false: a rotation makes its new key current at once.
struct ManagementSigningKey: Encodable, Sendable {
    let kid: String
    let alg: String
    let current: Bool
    let next: Bool
    let previous: Bool
    let revoked: Bool
    let currentSince: String
    let currentUntil: String?
    let revokedAt: String?
    /// SHA-256 of the public key (``KeyFingerprint``).
    let fingerprint: String
    /// RFC 7638 thumbprint of the public JWK, which is also the `kid`.
    let thumbprint: String

    init(_ key: SigningKey) throws {
        kid = key.kid
        alg = key.algorithm.rawValue
        current = key.status == .current
        next = false
        previous = key.status == .previous
        revoked = key.status == .revoked
        currentSince = key.createdAt.formatted(.iso8601)
        currentUntil = key.rotatedAt?.formatted(.iso8601)
        revokedAt = key.revokedAt?.formatted(.iso8601)
        fingerprint = try KeyFingerprint.sha256(privateKeyPEM: key.privateKeyPEM, algorithm: key.algorithm)
        thumbprint = key.kid
    }

    private enum CodingKeys: String, CodingKey {
        case kid, alg, current, next, previous, revoked, fingerprint, thumbprint
        case currentSince = "current_since"
        case currentUntil = "current_until"
        case revokedAt = "revoked_at"
    }
}

/// The answer of `POST /api/v2/keys/signing/rotate`: the new current key's `kid` (Auth0 adds `cert`, which this
/// runtime does not issue).
struct RotatedSigningKey: Encodable, Sendable {
    let kid: String
}

/// The answer of `PUT /api/v2/keys/signing/{kid}/revoke`.
struct RevokedSigningKey: Encodable, Sendable {
    let kid: String
    let revokedAt: String

    private enum CodingKeys: String, CodingKey {
        case kid
        case revokedAt = "revoked_at"
    }
}
