import Crypto
import Foundation

/// RFC 7638 JWK thumbprints, used as `kid` so a key's id is derived from the key and cannot collide by accident.
public enum JWKThumbprint {
    /// The base64url SHA-256 of the required members in lexicographic order, without whitespace (RFC 7638 §3.2).
    public static func rsa(modulus n: String, exponent e: String) -> String {
        digest(#"{"e":"\#(e)","kty":"RSA","n":"\#(n)"}"#)
    }

    /// The thumbprint of a P-256 key (`crv`, `kty`, `x`, `y`).
    public static func ec(x: String, y: String) -> String {
        digest(#"{"crv":"P-256","kty":"EC","x":"\#(x)","y":"\#(y)"}"#)
    }

    private static func digest(_ canonicalJSON: String) -> String {
        Base64URL.encode(Data(SHA256.hash(data: Data(canonicalJSON.utf8))))
    }
}
