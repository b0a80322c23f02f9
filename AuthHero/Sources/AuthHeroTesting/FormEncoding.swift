import Foundation

/// `application/x-www-form-urlencoded` and query-string encoding.
public enum FormEncoding {
    /// `fields` sorted by name, each value percent-encoded (only RFC 3986 unreserved characters stay as they are).
    public static func encode(_ fields: [String: String]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
            .joined(separator: "&")
    }
}
