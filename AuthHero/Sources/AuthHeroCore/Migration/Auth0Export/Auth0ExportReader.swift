import Foundation

/// Reads an export folder into an ``Auth0ImportPlan``. The layout (each JSON file one array, as the Management API
/// answers, pages concatenated; every file but the users file optional):
///
/// ```
/// users.ndjson | users.json        a users-exports job's NDJSON, or a bulk-import array with hashes
/// connections.json                 GET /api/v2/connections
/// resource-servers.json            GET /api/v2/resource-servers
/// roles.json                       GET /api/v2/roles
/// roles/<id>/permissions.json      GET /api/v2/roles/{id}/permissions
/// clients.json                     GET /api/v2/clients
/// organizations.json               GET /api/v2/organizations (checkpoint pages, concatenated)
/// organizations/<id>/members.json  GET /api/v2/organizations/{id}/members
/// organizations/<id>/members/<user_id>/roles.json
/// ```
enum Auth0ExportReader {
    static func read(_ path: String) throws(Auth0ExportError) -> Auth0ImportPlan {
        let folder = try Auth0ExportFolder(path: path)
        var plan = Auth0ImportPlan()
        try readUsers(folder, into: &plan)
        plan.connections = try array(Auth0Connection.self, "connections.json", folder) ?? []
        plan.resourceServers = try array(Auth0ResourceServer.self, "resource-servers.json", folder) ?? []
        for role in try array(Auth0Role.self, "roles.json", folder) ?? [] {
            let permissions = try array(Auth0Permission.self, "roles/\(role.id)/permissions.json", folder) ?? []
            plan.roles.append(.init(role: role, permissions: permissions))
        }
        plan.clients = try array(Auth0Client.self, "clients.json", folder) ?? []
        for organization in try array(Auth0Organization.self, "organizations.json", folder) ?? [] {
            let base = "organizations/\(organization.id)"
            var members: [Auth0ImportPlan.PlannedMember] = []
            for member in try array(Auth0Member.self, "\(base)/members.json", folder) ?? [] {
                let roles = try array(Auth0MemberRole.self, "\(base)/members/\(member.userID)/roles.json", folder)
                members.append(.init(userID: member.userID, roleIDs: (roles ?? []).map(\.id)))
            }
            plan.organizations.append(.init(organization: organization, members: members))
        }
        return plan
    }

    // MARK: - Users

    private static func readUsers(_ folder: Auth0ExportFolder, into plan: inout Auth0ImportPlan)
        throws(Auth0ExportError)
    {
        if let data = try folder.read("users.ndjson") {
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                let place = (file: "users.ndjson", line: index + 1, entry: Int?.none)
                guard case .object(let object)? = try? JSONDecoder().decode(JSONValue.self, from: Data(line.utf8))
                else {
                    throw Auth0ExportError(
                        file: place.file, line: place.line,
                        reason: "The line is not a complete JSON object (is the file truncated?).")
                }
                try addExportedUser(object, place: place, into: &plan)
            }
        } else if let data = try folder.read("users.json") {
            guard case .array(let items)? = try? JSONDecoder().decode(JSONValue.self, from: data) else {
                throw Auth0ExportError(file: "users.json", reason: "The file is not a JSON array of users.")
            }
            for (index, item) in items.enumerated() {
                guard case .object(let object) = item else {
                    throw Auth0ExportError(file: "users.json", entry: index, reason: "Expected type object")
                }
                try addUser(
                    object, connection: nil, place: ("users.json", nil, index), into: &plan)
            }
        } else {
            throw Auth0ExportError(
                file: "users.ndjson",
                reason: "The export has no users.ndjson or users.json; run scripts/export-auth0.py.")
        }
        var seen: Set<String> = []
        for user in plan.users {
            for key in [user.imported.email, user.id].compactMap({ $0 }) where !seen.insert(key).inserted {
                throw Auth0ExportError(file: user.source, reason: "The user \(key) appears twice.")
            }
        }
    }

    /// An NDJSON export's user: Auth0 writes `user_id` with its provider prefix and the connection in `identities`;
    /// only what the bulk-import schema knows is carried over.
    private static func addExportedUser(
        _ object: [String: JSONValue], place: (file: String, line: Int?, entry: Int?),
        into plan: inout Auth0ImportPlan
    ) throws(Auth0ExportError) {
        var entry = object.filter { ImportedUser.members.contains($0.key) }
        if let value = object["user_id"] {
            guard case .string(let userID) = value else {
                throw Auth0ExportError(
                    file: place.file, line: place.line, field: "user_id", reason: "Expected type string")
            }
            guard userID.hasPrefix(databasePrefix) else {
                plan.skipped.append(
                    .init(
                        kind: .users, record: userID,
                        reason: "only database users (auth0|) are imported; this one signs in through its provider"))
                return
            }
            entry["user_id"] = .string(String(userID.dropFirst(databasePrefix.count)))
        }
        var connection: String?
        if case .array(let identities)? = object["identities"], case .object(let first)? = identities.first,
            case .string(let name)? = first["connection"]
        {
            connection = name
        }
        try addUser(entry, connection: connection, place: place, into: &plan)
    }

    private static let databasePrefix = "auth0|"

    private static func addUser(
        _ object: [String: JSONValue], connection: String?, place: (file: String, line: Int?, entry: Int?),
        into plan: inout Auth0ImportPlan
    ) throws(Auth0ExportError) {
        do throws(ImportedUserRejection) {
            let imported = try ImportedUser(object)
            let source = place.line.map { "\(place.file) line \($0)" } ?? "\(place.file) entry \(place.entry ?? 0)"
            plan.users.append(
                .init(
                    id: imported.id, connection: connection ?? TenantProvisioner.databaseConnection,
                    imported: imported, source: source))
        } catch {
            if let algorithm = error.unsupportedAlgorithm {
                let name = object["email"].flatMap { if case .string(let text) = $0 { text } else { nil } }
                plan.skipped.append(
                    .init(
                        kind: .users, record: name ?? "?",
                        reason: "the password hash algorithm \(algorithm) is not supported"))
                return
            }
            let reason = error.reasons[0]
            throw Auth0ExportError(
                file: place.file, line: place.line, entry: place.entry, field: reason.path, reason: reason.message)
        }
    }

    // MARK: - JSON arrays

    /// The file decoded as an array of `T`, nil when it is absent.
    private static func array<T: Decodable>(_ type: T.Type, _ file: String, _ folder: Auth0ExportFolder)
        throws(Auth0ExportError) -> [T]?
    {
        guard let data = try folder.read(file) else { return nil }
        do {
            return try JSONDecoder().decode([T].self, from: data)
        } catch let error as DecodingError {
            throw exportError(error, file: file)
        } catch {
            throw Auth0ExportError(file: file, reason: "\(error)")
        }
    }

    private static func exportError(_ error: DecodingError, file: String) -> Auth0ExportError {
        func place(_ path: [any CodingKey], _ reason: String) -> Auth0ExportError {
            guard let first = path.first, let entry = first.intValue else {
                return Auth0ExportError(
                    file: file, field: path.isEmpty ? nil : fieldPath(path),
                    reason: path.isEmpty && reason.hasPrefix("Expected") ? "Expected a JSON array" : reason)
            }
            let rest = Array(path.dropFirst())
            return Auth0ExportError(
                file: file, entry: entry, field: rest.isEmpty ? nil : fieldPath(rest), reason: reason)
        }
        switch error {
        case .typeMismatch(let type, let context): return place(context.codingPath, "Expected type \(jsonType(type))")
        case .valueNotFound(let type, let context):
            return place(context.codingPath, "Expected type \(jsonType(type)), found null")
        case .keyNotFound(let key, let context):
            return place(context.codingPath + [key], "Missing required property")
        case .dataCorrupted(let context):
            return place(context.codingPath, "The file is not valid JSON (is it truncated?)")
        @unknown default: return Auth0ExportError(file: file, reason: "\(error)")
        }
    }

    private static func fieldPath(_ path: [any CodingKey]) -> String {
        path.reduce(into: "") { text, key in
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
    }

    private static func jsonType(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "string"
        case is Bool.Type: "boolean"
        case is Int.Type: "integer"
        case is [String: String].Type: "object"
        default: String(describing: type).hasPrefix("Array") ? "array" : "object"
        }
    }
}
