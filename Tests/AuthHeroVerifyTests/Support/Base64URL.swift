import Foundation

extension Data {
    /// Unpadded base64url (RFC 7515 §2), the encoding of every JWT part and JWK number.
    var base64URL: String {
        base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
