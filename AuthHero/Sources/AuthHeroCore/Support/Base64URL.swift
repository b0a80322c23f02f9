import Foundation

/// Unpadded base64url (RFC 4648 §5), the encoding of JWK members, thumbprints and opaque tokens.
public enum Base64URL {
    /// Encodes bytes without padding.
    public static func encode(_ data: some DataProtocol) -> String {
        Data(data).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
