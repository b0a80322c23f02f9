import Foundation

/// A tenant's private signing key and where it is in its life: `current` signs, `previous` only verifies until
/// `publishedUntil`, `revoked` is gone at once.
public struct SigningKey: Codable, Sendable, Equatable {
    public var tenantID: String
    /// RFC 7638 thumbprint of the public key, also the JWS `kid`.
    public var kid: String
    public var algorithm: SigningAlgorithm
    /// PKCS#8 / SEC1 PEM of the private key; never leaves storage except to sign.
    public var privateKeyPEM: String
    /// PEM of the key's self-signed X.509 certificate (``SigningCertificate``), issued with the key. Nil only for a key
    /// stored before keys had certificates, until ``SigningKeyService/keys(tenantID:)`` issues its one.
    public var certificatePEM: String?
    public var status: Status
    public var createdAt: Date
    /// When a rotation replaced this key.
    public var rotatedAt: Date?
    /// A `previous` key stays in the JWKS until this instant (the rotation grace period).
    public var publishedUntil: Date?
    public var revokedAt: Date?

    /// Lifecycle of a key.
    public enum Status: String, Codable, Sendable, Equatable { case current, previous, revoked }

    /// Creates a key record.
    public init(
        tenantID: String, kid: String, algorithm: SigningAlgorithm, privateKeyPEM: String,
        certificatePEM: String? = nil,
        status: Status = .current, createdAt: Date, rotatedAt: Date? = nil, publishedUntil: Date? = nil,
        revokedAt: Date? = nil
    ) {
        self.tenantID = tenantID
        self.kid = kid
        self.algorithm = algorithm
        self.privateKeyPEM = privateKeyPEM
        self.certificatePEM = certificatePEM
        self.status = status
        self.createdAt = createdAt
        self.rotatedAt = rotatedAt
        self.publishedUntil = publishedUntil
        self.revokedAt = revokedAt
    }

    /// Whether verifiers may still accept this key's signatures at `now`.
    public func isPublished(at now: Date) -> Bool {
        switch status {
        case .current: true
        case .previous: (publishedUntil ?? .distantPast) > now
        case .revoked: false
        }
    }
}
