import Foundation

/// The first `<form>` of an HTML page as a browser would submit it: its `action` and its inputs' names and values
/// (entities decoded). Enough for the server's own pages, which the tests read like a browser.
public struct HTMLForm: Sendable {
    /// Where the form posts.
    public var action: String
    /// The inputs' names and values, as a browser would send them.
    public var fields: [String: String]

    /// The first form of `html`, or nil when it has none.
    public init?(html: String) {
        guard let formStart = html.range(of: "<form"),
            let formEnd = html.range(of: "</form>", range: formStart.upperBound..<html.endIndex)
        else { return nil }
        let form = String(html[formStart.lowerBound..<formEnd.lowerBound])
        guard let formTag = Self.tags(named: "form", in: form).first else { return nil }
        action = formTag["action"] ?? ""
        fields = [:]
        for input in Self.tags(named: "input", in: form) {
            if let name = input["name"] { fields[name] = input["value"] ?? "" }
        }
    }

    /// The attributes of every `<name ...>` tag in `html`.
    public static func tags(named name: String, in html: String) -> [[String: String]] {
        var result: [[String: String]] = []
        var rest = html[...]
        while let start = rest.range(of: "<\(name)"),
            let end = rest.range(of: ">", range: start.upperBound..<rest.endIndex)
        {
            result.append(attributes(of: String(rest[start.upperBound..<end.lowerBound])))
            rest = rest[end.upperBound...]
        }
        return result
    }

    /// `name="value"` pairs (double-quoted, as the server writes them); bare attributes map to "".
    public static func attributes(of tag: String) -> [String: String] {
        var attributes: [String: String] = [:]
        var rest = tag[...]
        while true {
            rest = rest.drop(while: { $0 == " " || $0 == "\n" })
            guard !rest.isEmpty else { break }
            let name = String(rest.prefix(while: { $0 != "=" && $0 != " " && $0 != "\n" }))
            guard !name.isEmpty else { break }
            rest = rest.dropFirst(name.count)
            if rest.first == "=", rest.dropFirst().first == "\"" {
                let valueStart = rest.dropFirst(2)
                let value = valueStart.prefix(while: { $0 != "\"" })
                attributes[name] = decodeEntities(String(value))
                rest = valueStart.dropFirst(value.count + 1)
            } else {
                attributes[name] = ""
            }
        }
        return attributes
    }

    /// `text` with the entities the server's HTML escaping writes turned back into characters.
    public static func decodeEntities(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
