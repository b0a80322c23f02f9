import Foundation

/// Unpadded base64url (RFC 4648 §5), the encoding of JWK members, thumbprints and opaque tokens.
public enum Base64URL {
    /// Encodes bytes without padding.
    ///
    /// One pass over Foundation's base64 bytes: every token response mints opaque values with this, and three
    /// `replacingOccurrences` calls over a `String` cost more than the encoding itself.
    public static func encode(_ data: some DataProtocol) -> String {
        let base64 = Data(data).base64EncodedData()
        let unpadded = base64.prefix { $0 != UInt8(ascii: "=") }
        return String(unsafeUninitializedCapacity: unpadded.count) { buffer in
            for (index, byte) in unpadded.enumerated() {
                buffer[index] =
                    switch byte {
                    case UInt8(ascii: "+"): UInt8(ascii: "-")
                    case UInt8(ascii: "/"): UInt8(ascii: "_")
                    default: byte
                    }
            }
            return unpadded.count
        }
    }
}
