import Crypto
import CryptoExtras
import Foundation
import SwiftASN1
import X509

/// The self-signed X.509 certificate that carries a signing key's public half, as Auth0 publishes one per key (`cert`
/// in the Management API, `x5c` and `x5t` in the JWKS; RFC 7517 §4.7-4.8). It is issued once, when the key is made,
/// and stored with it: an ECDSA signature differs on every issue, so deriving it again would change the certificate
/// and every thumbprint of it during the key's life.
public struct SigningCertificate: Sendable, Equatable {
    /// The certificate's DER encoding.
    public let derBytes: [UInt8]

    /// How long a certificate is valid: longer than any key stays published, so verifiers that check the dates never
    /// see an expired one.
    static let validity: TimeInterval = 10 * 365 * 24 * 60 * 60

    /// Issues a certificate for the key, signed by that same key, with the tenant as subject and issuer.
    public static func issue(
        privateKeyPEM: String, algorithm: SigningAlgorithm, tenantID: String, notBefore: Date
    ) throws -> SigningCertificate {
        let key: Certificate.PrivateKey =
            switch algorithm {
            case .rs256: Certificate.PrivateKey(try _RSA.Signing.PrivateKey(pemRepresentation: privateKeyPEM))
            case .es256: Certificate.PrivateKey(try P256.Signing.PrivateKey(pemRepresentation: privateKeyPEM))
            }
        let name = try DistinguishedName { CommonName(tenantID) }
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: key.publicKey,
            notValidBefore: notBefore, notValidAfter: notBefore + validity, issuer: name, subject: name,
            signatureAlgorithm: algorithm == .rs256 ? .sha256WithRSAEncryption : .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                SubjectKeyIdentifier(hash: key.publicKey)
            },
            issuerPrivateKey: key)
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        return SigningCertificate(derBytes: serializer.serializedBytes)
    }

    /// Reads a stored certificate back from PEM.
    public init(pem: String) throws {
        derBytes = try PEMDocument(pemString: pem).derBytes
    }

    private init(derBytes: [UInt8]) { self.derBytes = derBytes }

    /// The certificate as PEM, the form it is stored in.
    public var pem: String { PEMDocument(type: "CERTIFICATE", derBytes: derBytes).pemString }

    /// Auth0's `fingerprint`: the certificate's SHA-1 as colon-separated upper-case hex (`CC:FB:DD:...`).
    public var fingerprint: String { sha1Hex.joined(separator: ":") }

    /// Auth0's `thumbprint`: the same SHA-1 as upper-case hex without separators.
    public var thumbprint: String { sha1Hex.joined() }

    /// JWK `x5c` entry: standard base64 of the DER, not base64url (RFC 7517 §4.7).
    public var x5c: String { Data(derBytes).base64EncodedString() }

    /// JWK `x5t`: base64url of the certificate's SHA-1 (RFC 7517 §4.8).
    public var x5t: String { Base64URL.encode(Array(sha1)) }

    // SHA-1 is what Auth0 and RFC 7517 name for these thumbprints; it identifies a certificate, it does not protect one.
    private var sha1: Insecure.SHA1Digest { Insecure.SHA1.hash(data: derBytes) }

    private var sha1Hex: [String] { sha1.map { String(format: "%02X", $0) } }
}
