import Foundation

/// The flat `application/x-www-form-urlencoded` body of the OAuth endpoints (RFC 6749 Appendix B).
///
/// The endpoints take only flat string parameters, so a dictionary is all they need; Hummingbird's
/// `URLEncodedFormDecoder` builds a nested node tree and a `Decoder` for each body and cost a tenth of a token
/// request. As RFC 6749 §3.1 requires, a parameter sent twice is refused, and so is a malformed percent escape.
struct OAuthForm {
    enum ParseError: Error, Equatable {
        case duplicateParameter(String)
        case malformedEncoding
    }

    private(set) var parameters: [String: String] = [:]

    init(_ body: Substring) throws(ParseError) {
        // Bytes, not Characters: the separators are ASCII, and splitting by grapheme cost as much as the rest.
        for pair in body.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let separator = pair.firstIndex(of: UInt8(ascii: "=")) ?? pair.endIndex
            let name = try Self.decode(pair[..<separator])
            let value = separator == pair.endIndex ? "" : try Self.decode(pair[pair.index(after: separator)...])
            guard !name.isEmpty else { throw .malformedEncoding }
            guard parameters.updateValue(value, forKey: name) == nil else { throw .duplicateParameter(name) }
        }
    }

    subscript(name: String) -> String? { parameters[name] }

    /// `+` is a space in this encoding; `%XX` escapes must form UTF-8.
    private static func decode(_ encoded: Substring.UTF8View.SubSequence) throws(ParseError) -> String {
        let text = String(Substring(encoded))
        guard encoded.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else { return text }
        guard let decoded = text.replacing("+", with: " ").removingPercentEncoding else { throw .malformedEncoding }
        return decoded
    }
}
