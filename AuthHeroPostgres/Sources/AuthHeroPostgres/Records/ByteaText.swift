import Foundation

/// `bytea` as text in PostgreSQL's hex form, `\x0a1b…`: how `to_jsonb` writes a `bytea` value, and a text input
/// `jsonb_populate_record` reads back into one.
enum ByteaText {
    static func text(_ data: Data) -> String {
        "\\x" + data.map { String(format: "%02x", $0) }.joined()
    }

    /// The bytes of `text`, or nil when it is not in the hex form.
    static func data(_ text: String) -> Data? {
        guard text.hasPrefix("\\x"), text.count % 2 == 0 else { return nil }
        var data = Data(capacity: text.count / 2 - 1)
        var index = text.index(text.startIndex, offsetBy: 2)
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            guard let byte = UInt8(text[index..<next], radix: 16) else { return nil }
            data.append(byte)
            index = next
        }
        return data
    }
}
