/// The file a users export writes.
public enum UserExportFormat: String, Codable, Sendable {
    /// Auth0's default: one JSON object per line (NDJSON), gzipped.
    case json
    /// A header line then one line per user, gzipped.
    case csv
}

/// One field of an export line: the user attribute `name`, written under `exportAs` when given.
public struct UserExportField: Codable, Sendable, Equatable {
    public var name: String
    public var exportAs: String?

    /// Creates a field.
    public init(name: String, exportAs: String? = nil) {
        self.name = name
        self.exportAs = exportAs
    }

    /// The attributes an export can write, in Auth0's names.
    public static let known: Set<String> = [
        "user_id", "email", "email_verified", "username", "name", "blocked", "created_at", "updated_at",
        "user_metadata", "app_metadata", "connection",
    ]

    /// What an export writes when the caller names no fields.
    public static let defaults: [UserExportField] = [
        "user_id", "email", "email_verified", "username", "name", "blocked", "created_at", "updated_at",
    ].map { UserExportField(name: $0) }
}
