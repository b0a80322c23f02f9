import AuthHeroCore
import Crypto
import CryptoExtras
import Foundation
import SwiftASN1
import Testing
import X509

/// A signing key's certificate, read back with swift-certificates: self-signed by the key, carrying the same public
/// key as the key's JWK, with Auth0's fingerprint and thumbprint and RFC 7517's `x5c`/`x5t` taken from its SHA-1.
@Suite struct SigningCertificateTests {
    /// A new key's public JWK, its certificate, and that certificate parsed by swift-certificates.
    private static func issue(_ algorithm: SigningAlgorithm) throws -> (
        jwk: PublicJWK, issued: SigningCertificate, parsed: Certificate
    ) {
        let material = try KeyMaterial.generate(algorithm)
        let issued = try SigningCertificate.issue(
            privateKeyPEM: material.privateKeyPEM, algorithm: algorithm, tenantID: "acme",
            notBefore: Date(timeIntervalSince1970: 1_800_000_000))
        return (material.publicJWK, issued, try Certificate(pemEncoded: issued.pem))
    }

    @Test(arguments: [SigningAlgorithm.rs256, .es256])
    func certificateParsesAndIsSelfSignedByTheKey(algorithm: SigningAlgorithm) throws {
        let (_, _, certificate) = try Self.issue(algorithm)
        let tenant = try DistinguishedName { CommonName("acme") }
        #expect(certificate.subject == tenant)
        #expect(certificate.issuer == tenant)
        #expect(certificate.notValidBefore == Date(timeIntervalSince1970: 1_800_000_000))
        #expect(certificate.publicKey.isValidSignature(certificate.signature, for: certificate))
        #expect(try certificate.extensions.basicConstraints == .notCertificateAuthority)
    }

    @Test func rsaCertificateCarriesTheJWKsPublicKey() throws {
        let (jwk, _, certificate) = try Self.issue(.rs256)
        let fromCertificate = try #require(_RSA.Signing.PublicKey(certificate.publicKey))
        let fromJWK = try _RSA.Signing.PublicKey(
            n: Self.base64URLDecode(jwk.n ?? ""), e: Self.base64URLDecode(jwk.e ?? ""))
        #expect(fromCertificate.derRepresentation == fromJWK.derRepresentation)
    }

    @Test func ecCertificateCarriesTheJWKsPublicKey() throws {
        let (jwk, _, certificate) = try Self.issue(.es256)
        let fromCertificate = try #require(P256.Signing.PublicKey(certificate.publicKey))
        let fromJWK = try P256.Signing.PublicKey(
            rawRepresentation: Self.base64URLDecode(jwk.x ?? "")
                + Self.base64URLDecode(jwk.y ?? ""))
        #expect(fromCertificate.rawRepresentation == fromJWK.rawRepresentation)
    }

    @Test func thumbprintsAreTheCertificatesSHA1() throws {
        let (_, issued, certificate) = try Self.issue(.es256)
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        let der = serializer.serializedBytes
        #expect(issued.derBytes == der)
        let sha1 = Array(Insecure.SHA1.hash(data: der))
        let hex = sha1.map { String(format: "%02X", $0) }
        #expect(issued.thumbprint == hex.joined())
        #expect(issued.fingerprint == hex.joined(separator: ":"))
        #expect(issued.x5t == Base64URL.encode(sha1))
        #expect(Data(base64Encoded: issued.x5c) == Data(der))
        #expect(try SigningCertificate(pem: issued.pem) == issued)
    }

    private static func base64URLDecode(_ text: String) -> Data {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64) ?? Data()
    }
}
