import CryptoExtras
import Foundation
import JWTKit

/// Generating and parsing private keys, and deriving their public JWKs and thumbprints.
public enum KeyMaterial {
    /// A new private key as PEM with its public JWK (`kid` = RFC 7638 thumbprint). RSA-2048 takes hundreds of ms.
    public static func generate(_ algorithm: SigningAlgorithm) throws -> (privateKeyPEM: String, publicJWK: PublicJWK) {
        let pem: String =
            switch algorithm {
            case .rs256: try _RSA.Signing.PrivateKey(keySize: .bits2048).pemRepresentation
            case .es256: ES256PrivateKey().pemRepresentation
            }
        return (pem, try publicJWK(privateKeyPEM: pem, algorithm: algorithm))
    }

    /// The public JWK of a stored private key.
    public static func publicJWK(privateKeyPEM pem: String, algorithm: SigningAlgorithm) throws -> PublicJWK {
        switch algorithm {
        case .rs256:
            let primitives = try Insecure.RSA.PrivateKey(pem: pem).publicKey.getKeyPrimitives()
            let n = Base64URL.encode(primitives.modulus)
            let e = Base64URL.encode(primitives.publicExponent)
            return .rsa(kid: JWKThumbprint.rsa(modulus: n, exponent: e), modulus: n, exponent: e)
        case .es256:
            guard let parameters = try ES256PrivateKey(pem: pem).parameters else {
                throw KeyMaterialError.unreadableKey
            }
            // RFC 7518 §6.2.1 wants unpadded base64url coordinates.
            let x = parameters.x.replacingOccurrences(of: "=", with: "")
            let y = parameters.y.replacingOccurrences(of: "=", with: "")
            return .ec(kid: JWKThumbprint.ec(x: x, y: y), x: x, y: y)
        }
    }

    /// The JWK a stored key is published as: its public key with its certificate, once it has one.
    static func publishedJWK(_ key: SigningKey) throws -> PublicJWK {
        var jwk = try publicJWK(privateKeyPEM: key.privateKeyPEM, algorithm: key.algorithm)
        if let pem = key.certificatePEM {
            let certificate = try SigningCertificate(pem: pem)
            jwk.x5c = [certificate.x5c]
            jwk.x5t = certificate.x5t
        }
        return jwk
    }

    /// Adds a stored private key to a JWTKit collection under its `kid`, ready to sign and verify.
    static func add(_ key: SigningKey, to collection: JWTKeyCollection) async throws {
        let kid = JWKIdentifier(string: key.kid)
        switch key.algorithm {
        case .rs256:
            await collection.add(
                rsa: try Insecure.RSA.PrivateKey(pem: key.privateKeyPEM), digestAlgorithm: .sha256, kid: kid)
        case .es256:
            await collection.add(ecdsa: try ES256PrivateKey(pem: key.privateKeyPEM), kid: kid)
        }
    }
}

/// A stored key that cannot be read back.
public enum KeyMaterialError: Error, CustomStringConvertible {
    case unreadableKey

    public var description: String { "A stored signing key could not be parsed; rotate the tenant's keys." }
}
