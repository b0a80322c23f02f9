/// The first `<form>` of a page as a browser submits it: its `action` and its inputs' names and values. Enough
/// for the AuthHero login pages, which write every attribute double-quoted.
struct HTMLForm {
    var action: String
    var fields: [String: String]

    init?(html: String) {
        guard let start = html.range(of: "<form"),
            let end = html.range(of: "</form>", range: start.upperBound..<html.endIndex)
        else { return nil }
        let form = String(html[start.lowerBound..<end.lowerBound])
        guard let formTag = Self.tags(named: "form", in: form).first else { return nil }
        action = Self.decodeEntities(formTag["action"] ?? "")
        fields = [:]
        for input in Self.tags(named: "input", in: form) {
            if let name = input["name"] { fields[name] = Self.decodeEntities(input["value"] ?? "") }
        }
    }

    /// The `name="value"` attributes of every `<name ...>` tag in `html`.
    private static func tags(named name: String, in html: String) -> [[String: String]] {
        var result: [[String: String]] = []
        var rest = html[...]
        while let start = rest.range(of: "<\(name)"),
            let end = rest.range(of: ">", range: start.upperBound..<rest.endIndex)
        {
            var attributes: [String: String] = [:]
            var tag = rest[start.upperBound..<end.lowerBound]
            while let equals = tag.range(of: "=\"") {
                let attributeName = tag[..<equals.lowerBound].split(separator: " ").last.map(String.init) ?? ""
                let valueStart = tag[equals.upperBound...]
                let value = valueStart.prefix { $0 != "\"" }
                attributes[attributeName] = String(value)
                tag = valueStart.dropFirst(value.count + 1)
            }
            result.append(attributes)
            rest = rest[end.upperBound...]
        }
        return result
    }

    private static func decodeEntities(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
