import Foundation

/// Writes a users export: the connection's users, oldest first, one line each with the requested fields, as gzipped
/// NDJSON (Auth0's format) or CSV.
public struct UserExport: Sendable {
    /// Users read from storage at a time.
    static let pageSize = 500

    private let storage: any UserStore

    /// Creates the exporter over the tenant's users.
    public init(storage: any UserStore) { self.storage = storage }

    /// Writes `job`'s file into its output and returns the job, completed.
    public func run(_ job: Job, tenantID: String) async throws -> Job {
        var job = job
        let fields = job.options.fields.isEmpty ? UserExportField.defaults : job.options.fields
        let limit = job.options.limit ?? Int.max
        var users: [User] = []
        var offset = 0
        while users.count < limit {
            let page = try await storage.users(
                matching: nil, window: ListWindow(offset: offset, limit: Self.pageSize), tenantID: tenantID)
            users += page.items.filter { $0.connection == job.connection }
            offset += page.items.count
            if page.items.count < Self.pageSize { break }
        }
        let chosen = users.prefix(limit)
        let text: String
        switch job.options.format ?? .json {
        case .json: text = chosen.map { Self.jsonLine($0, fields: fields) }.joined()
        case .csv: text = Self.csv(Array(chosen), fields: fields)
        }
        job.output = try Gzip.compress(Data(text.utf8))
        job.status = .completed
        return job
    }

    /// One NDJSON line; a field the user has no value for is left out, as in Auth0's export.
    static func jsonLine(_ user: User, fields: [UserExportField]) -> String {
        var object: [String: JSONValue] = [:]
        for field in fields {
            if let value = value(of: field.name, user) { object[field.exportAs ?? field.name] = value }
        }
        return JSONValue.object(object).jsonText + "\n"
    }

    /// A header line, then one line per user; values quoted as RFC 4180 says.
    static func csv(_ users: [User], fields: [UserExportField]) -> String {
        var lines = [fields.map { quoted($0.exportAs ?? $0.name) }.joined(separator: ",")]
        for user in users {
            lines.append(
                fields.map { field in
                    switch value(of: field.name, user) {
                    case .some(.string(let text)): quoted(text)
                    case .some(let other): quoted(other.jsonText)
                    case .none: ""
                    }
                }.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func quoted(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func value(of field: String, _ user: User) -> JSONValue? {
        let timestamp = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        switch field {
        case "user_id": return .string(user.id)
        case "email": return user.email.map(JSONValue.string)
        case "email_verified": return .bool(user.emailVerified)
        case "username": return user.username.map(JSONValue.string)
        case "name": return user.name.map(JSONValue.string)
        case "blocked": return .bool(user.blocked)
        case "connection": return .string(user.connection)
        case "created_at": return .string(user.createdAt.formatted(timestamp))
        case "updated_at": return .string(user.updatedAt.formatted(timestamp))
        case "user_metadata": return .object(user.userMetadata.mapValues(JSONValue.string))
        case "app_metadata": return .object(user.appMetadata.mapValues(JSONValue.string))
        default: return nil
        }
    }
}
