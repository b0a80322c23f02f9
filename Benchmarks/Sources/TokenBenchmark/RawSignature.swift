import AuthHeroCore
import Crypto
import CryptoExtras
import Foundation

/// The same key as the server's, used directly through swift-crypto: the floor any token endpoint is measured against.
struct RawSignature: Sendable {
    private let rsa: _RSA.Signing.PrivateKey?
    private let ec: P256.Signing.PrivateKey?

    init(_ key: SigningKey) throws {
        switch key.algorithm {
        case .rs256:
            rsa = try _RSA.Signing.PrivateKey(pemRepresentation: key.privateKeyPEM)
            ec = nil
        case .es256:
            rsa = nil
            ec = try P256.Signing.PrivateKey(pemRepresentation: key.privateKeyPEM)
        }
    }

    func sign(_ data: Data) throws -> Data {
        if let rsa {
            return try rsa.signature(for: SHA256.hash(data: data), padding: .insecurePKCS1v1_5).rawRepresentation
        }
        return try ec!.signature(for: SHA256.hash(data: data)).rawRepresentation
    }

    func verify(_ signature: Data, for data: Data) throws -> Bool {
        if let rsa {
            return rsa.publicKey.isValidSignature(
                _RSA.Signing.RSASignature(rawRepresentation: signature), for: SHA256.hash(data: data),
                padding: .insecurePKCS1v1_5)
        }
        return ec!.publicKey.isValidSignature(
            try P256.Signing.ECDSASignature(rawRepresentation: signature), for: SHA256.hash(data: data))
    }

    static func decodeSignature(_ base64URL: String) throws -> Data {
        var base64 = base64URL.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64) else { throw BenchmarkError.badSignature }
        return data
    }
}
