/// Why an export folder cannot be imported: the file, the line (NDJSON) or entry (JSON array) and the field it
/// concerns, so the fix can be made in the export before anything is written.
public struct Auth0ExportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file, relative to the export folder.
    public let file: String
    /// The NDJSON line (from 1), when the problem is on one line.
    public let line: Int?
    /// The JSON array entry (from 0), when the problem is in one entry.
    public let entry: Int?
    /// The member concerned (`email`, `scopes[0].value`), when there is one.
    public let field: String?
    /// What is wrong.
    public let reason: String

    /// Creates an error.
    public init(file: String, line: Int? = nil, entry: Int? = nil, field: String? = nil, reason: String) {
        self.file = file
        self.line = line
        self.entry = entry
        self.field = field
        self.reason = reason
    }

    public var description: String {
        var place = file
        if let line { place += " line \(line)" }
        if let entry { place += " entry \(entry)" }
        if let field, !field.isEmpty { place += " field \(field)" }
        return "\(place): \(reason)"
    }
}
