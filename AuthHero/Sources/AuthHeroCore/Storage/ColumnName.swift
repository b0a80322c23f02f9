/// Property ↔ column names, shared by the storage modules so every database names a domain property's column alike.
/// GRDB's built-in snake-case strategies split acronyms (`allowedLogoutURLs` becomes
/// `allowed_logout_ur_ls`, and `tenant_id` decodes as `tenantId`), so the runtime's Swift-style acronyms (`ID`, `URL`,
/// `URI`, `PEM`) are mapped explicitly.
public enum ColumnName {
    static let acronyms: Set<String> = ["id", "url", "urls", "uri", "pem"]

    /// `allowedLogoutURLs` → `allowed_logout_urls`, `tenantID` → `tenant_id`.
    public static func column(_ property: String) -> String {
        var words: [String] = []
        var current = ""
        let characters = Array(property)
        for (index, character) in characters.enumerated() {
            let previous = index > 0 ? characters[index - 1] : nil
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            let startsWord =
                character.isUppercase
                && (previous?.isLowercase == true || previous?.isNumber == true
                    || (previous?.isUppercase == true && next?.isLowercase == true
                        && !(next == "s" && index + 2 == characters.count)))
            if startsWord, !current.isEmpty {
                words.append(current)
                current = ""
            }
            current.append(character)
        }
        words.append(current)
        return words.map { $0.lowercased() }.joined(separator: "_")
    }

    /// `tenant_id` → `tenantID`, `allowed_logout_urls` → `allowedLogoutURLs`.
    public static func property(_ column: String) -> String {
        let words = column.split(separator: "_").map(String.init)
        guard let first = words.first else { return column }
        return first
            + words.dropFirst().map { word in
                guard acronyms.contains(word) else { return word.prefix(1).uppercased() + word.dropFirst() }
                return word.hasSuffix("s") && word.count > 3 ? word.dropLast().uppercased() + "s" : word.uppercased()
            }.joined()
    }

    /// The coding key GRDB decodes a column into.
    public static func propertyKey(_ column: String) -> any CodingKey { Key(stringValue: property(column)) }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
