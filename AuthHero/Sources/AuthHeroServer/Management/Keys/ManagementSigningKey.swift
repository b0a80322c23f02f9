import AuthHeroCore
import Foundation

/// A signing key in Auth0's shape (`GET /api/v2/keys/signing`): its certificate, its state flags, when it was current,
/// and the certificate's fingerprints. Never carries private material; `pkcs7` is omitted (it is optional in Auth0's
/// schema, and would only wrap the same certificate). `next` is always false: a rotation makes its new key current at
/// once.
struct ManagementSigningKey: Encodable, Sendable {
    let kid: String
    let alg: String
    /// The self-signed certificate as PEM with CRLF line ends, as Auth0 serves it.
    let cert: String
    let current: Bool
    let next: Bool
    let previous: Bool
    let revoked: Bool
    let currentSince: String
    let currentUntil: String?
    let revokedAt: String?
    /// SHA-1 of the certificate, colon-separated upper-case hex.
    let fingerprint: String
    /// SHA-1 of the certificate, upper-case hex.
    let thumbprint: String

    init(_ key: SigningKey) throws {
        let certificate = try ManagementSigningKey.certificate(of: key)
        kid = key.kid
        alg = key.algorithm.rawValue
        cert = Self.auth0PEM(certificate)
        current = key.status == .current
        next = false
        previous = key.status == .previous
        revoked = key.status == .revoked
        currentSince = key.createdAt.formatted(.iso8601)
        currentUntil = key.rotatedAt?.formatted(.iso8601)
        revokedAt = key.revokedAt?.formatted(.iso8601)
        fingerprint = certificate.fingerprint
        thumbprint = certificate.thumbprint
    }

    /// The key's stored certificate; ``SigningKeyService/keys(tenantID:)`` has issued one to every key it returns.
    static func certificate(of key: SigningKey) throws -> SigningCertificate {
        guard let pem = key.certificatePEM else { throw KeyMaterialError.unreadableKey }
        return try SigningCertificate(pem: pem)
    }

    /// Auth0 ends each PEM line with CRLF.
    static func auth0PEM(_ certificate: SigningCertificate) -> String {
        certificate.pem.split(separator: "\n").joined(separator: "\r\n")
    }

    private enum CodingKeys: String, CodingKey {
        case kid, alg, cert, current, next, previous, revoked, fingerprint, thumbprint
        case currentSince = "current_since"
        case currentUntil = "current_until"
        case revokedAt = "revoked_at"
    }
}

/// The answer of `POST /api/v2/keys/signing/rotate`: the new current key's `kid` and certificate.
struct RotatedSigningKey: Encodable, Sendable {
    let kid: String
    let cert: String
}

/// The answer of `PUT /api/v2/keys/signing/{kid}/revoke`: the key, its certificate and when it was revoked.
struct RevokedSigningKey: Encodable, Sendable {
    let kid: String
    let cert: String
    let revokedAt: String

    private enum CodingKeys: String, CodingKey {
        case kid, cert
        case revokedAt = "revoked_at"
    }
}
