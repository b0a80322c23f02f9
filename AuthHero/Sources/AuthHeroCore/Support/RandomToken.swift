import Crypto
import Foundation

/// High-entropy random strings for secrets, opaque tokens and ids.
public enum RandomToken {
    /// `byteCount` random bytes from the system CSPRNG, base64url encoded (32 bytes = 256 bits by default).
    public static func make(byteCount: Int = 32) -> String {
        // Eight bytes per draw: each draw from the system generator is a system call.
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(byteCount + 7)
        while bytes.count < byteCount {
            withUnsafeBytes(of: generator.next() as UInt64) { bytes.append(contentsOf: $0) }
        }
        return Base64URL.encode(Array(bytes.prefix(byteCount)))
    }

    /// An id made of a prefix and `length` alphanumerics, the Auth0 shape (`org_` + 16, `rol_` + 16, ...).
    public static func identifier(prefix: String, length: Int = 16) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var generator = SystemRandomNumberGenerator()
        return prefix + String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
