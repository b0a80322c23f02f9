import Crypto
import CryptoExtras
import Foundation

/// The fingerprint Management API clients show next to a signing key: SHA-256 of the public key's DER
/// (SubjectPublicKeyInfo) as colon-separated upper-case hex. Auth0 hashes the certificate instead; this runtime issues
/// no certificates, so the public key is what is fingerprinted.
public enum KeyFingerprint {
    /// The fingerprint of a stored private key's public half; never exposes the private key.
    public static func sha256(privateKeyPEM pem: String, algorithm: SigningAlgorithm) throws -> String {
        let der: Data =
            switch algorithm {
            case .rs256: try _RSA.Signing.PrivateKey(pemRepresentation: pem).publicKey.derRepresentation
            case .es256: try P256.Signing.PrivateKey(pemRepresentation: pem).publicKey.derRepresentation
            }
        return SHA256.hash(data: der).map { String(format: "%02X", $0) }.joined(separator: ":")
    }
}
