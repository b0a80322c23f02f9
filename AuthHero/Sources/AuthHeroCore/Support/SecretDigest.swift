import Crypto
import Foundation

/// SHA-256 digests for high-entropy secrets (client secrets, refresh tokens, codes): they are random, so a fast hash
/// is enough and the database never holds a usable secret. bcrypt is only for user passwords.
public enum SecretDigest {
    /// The hex SHA-256 of `secret`.
    public static func hash(_ secret: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: Data(secret.utf8)) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        // Formatting each byte with `String(format:)` cost more than the hash itself on the token endpoint.
        return String(decoding: hex, as: UTF8.self)
    }

    /// Whether `secret` hashes to `storedHash`, comparing in constant time so timing reveals nothing.
    public static func matches(_ secret: String, storedHash: String) -> Bool {
        let candidate = Array(hash(secret).utf8)
        let stored = Array(storedHash.utf8)
        guard candidate.count == stored.count else { return false }
        var difference: UInt8 = 0
        for index in candidate.indices { difference |= candidate[index] ^ stored[index] }
        return difference == 0
    }
}
