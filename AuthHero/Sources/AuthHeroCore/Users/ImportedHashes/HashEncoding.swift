import Foundation

/// The byte encodings Auth0's import schema names for hashes, salts and passwords, and PHC's unpadded base64.
enum HashEncoding {
    /// Decodes `value` written as `base64`, `hex` or `utf8`; nil when it does not decode.
    static func bytes(_ value: String, encoding: String) -> [UInt8]? {
        switch encoding {
        case "base64": Data(base64Encoded: padded(value)).map { [UInt8]($0) }
        case "hex": hex(value)
        case "utf8": Array(value.utf8)
        default: nil
        }
    }

    /// The password's bytes as the original system hashed them (Auth0's `password.encoding`).
    static func password(_ password: String, encoding: String) -> [UInt8]? {
        switch encoding {
        case "utf8": Array(password.utf8)
        case "ascii", "latin1", "binary": password.data(using: .isoLatin1).map { [UInt8]($0) }
        case "utf16le", "ucs2": password.data(using: .utf16LittleEndian).map { [UInt8]($0) }
        default: nil
        }
    }

    /// Whether `encoding` is one ``password(_:encoding:)`` knows.
    static func isPasswordEncoding(_ encoding: String) -> Bool {
        ["utf8", "ascii", "latin1", "binary", "utf16le", "ucs2"].contains(encoding)
    }

    /// PHC's base64: standard alphabet, no padding.
    static func phcBase64(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }

    /// Decodes PHC's base64 (padding optional).
    static func phcBytes(_ value: String) -> [UInt8]? {
        Data(base64Encoded: padded(value)).map { [UInt8]($0) }
    }

    private static func padded(_ value: String) -> String {
        let remainder = value.count % 4
        return remainder == 0 ? value : value + String(repeating: "=", count: 4 - remainder)
    }

    private static func hex(_ value: String) -> [UInt8]? {
        let digits = Array(value.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Compares two digests in time that depends only on their lengths, so a login does not leak how many leading
    /// bytes of a guess matched.
    static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}
