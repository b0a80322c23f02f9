import Foundation

/// Identifiers written into SQL text (schema, table and column names, roles), which cannot be bind parameters.
enum SQLName {
    /// `name` as a quoted identifier, its double quotes doubled, so no name can end the identifier early.
    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// Comma-separated quoted identifiers.
    static func list(_ names: [String]) -> String { names.map(quoted).joined(separator: ", ") }
}
