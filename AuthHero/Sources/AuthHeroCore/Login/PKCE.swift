import Crypto
import Foundation

/// Proof Key for Code Exchange (RFC 7636) with S256, the only method this server accepts: `plain` would let anyone
/// who sees the authorization request redeem the code.
public enum PKCE {
    /// The one accepted `code_challenge_method`.
    public static let s256 = "S256"

    /// Whether `verifier` is well formed (RFC 7636 §4.1: 43 to 128 characters of `[A-Za-z0-9-._~]`) and
    /// `BASE64URL(SHA256(verifier))` equals `challenge`; compared in constant time.
    public static func verify(verifier: String, challenge: String) -> Bool {
        guard isWellFormed(verifier) else { return false }
        return ConstantTime.equals(challengeFor(verifier: verifier), challenge)
    }

    /// The S256 challenge of `verifier`.
    public static func challengeFor(verifier: String) -> String {
        Base64URL.encode(Data(SHA256.hash(data: Data(verifier.utf8))))
    }

    /// Whether `value` has the shape of a verifier or an S256 challenge (a challenge is 43 characters).
    public static func isWellFormed(_ value: String) -> Bool {
        (43...128).contains(value.utf8.count) && value.unicodeScalars.allSatisfy(allowed.contains)
    }

    private static let allowed = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
