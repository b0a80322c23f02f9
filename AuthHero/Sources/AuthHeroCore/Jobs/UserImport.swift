import Foundation

/// Runs a users import: each entry of the file is checked on its own, so one bad user is an entry in the job's
/// errors while the others are imported (as Auth0 reports it). Users already in the connection (same id or email)
/// are updated with `upsert` and reported as `DUPLICATED_USER` without it.
public struct UserImport: Sendable {
    /// Auth0's limit on one users file.
    public static let maximumFileSize = 500 * 1024

    private let storage: any UserStore
    private let clock: any AuthHeroClock

    /// Creates the importer over the tenant's users.
    public init(storage: any UserStore, clock: any AuthHeroClock) {
        self.storage = storage
        self.clock = clock
    }

    /// The file's entries when it is a JSON array of objects (what `POST /api/v2/jobs/users-imports` accepts); nil
    /// otherwise.
    public static func entries(_ file: String) -> [[String: JSONValue]]? {
        guard case .array(let items)? = try? JSONDecoder().decode(JSONValue.self, from: Data(file.utf8)) else {
            return nil
        }
        var objects: [[String: JSONValue]] = []
        for item in items {
            guard case .object(let object) = item else { return nil }
            objects.append(object)
        }
        return objects
    }

    /// Imports every entry of `job`'s file into its connection and returns the job, completed with its summary and
    /// errors.
    public func run(_ job: Job, tenantID: String) async throws -> Job {
        var job = job
        guard let entries = job.input.flatMap(Self.entries) else {
            job.status = .failed
            job.failureReason = "The users file is not a JSON array of objects."
            return job
        }
        var summary = JobSummary(total: entries.count)
        var errors: [JobUserError] = []
        var seen: Set<String> = []
        for entry in entries {
            do {
                switch try await importOne(entry, job: job, seen: &seen, tenantID: tenantID) {
                case .inserted: summary.inserted += 1
                case .updated: summary.updated += 1
                }
            } catch let rejection as ImportedUserRejection {
                summary.failed += 1
                errors.append(JobUserError(user: Self.shown(entry), errors: rejection.reasons))
            }
        }
        job.summary = summary
        job.errors = errors
        job.status = .completed
        job.input = nil
        return job
    }

    private enum Outcome { case inserted, updated }

    private func importOne(_ entry: [String: JSONValue], job: Job, seen: inout Set<String>, tenantID: String)
        async throws -> Outcome
    {
        let imported = try ImportedUser(entry)
        let id = imported.id
        // The same user twice in one file is a duplicate whatever `upsert` says, as at Auth0.
        for key in [imported.email, id].compactMap({ $0 }) where !seen.insert(key).inserted {
            throw Self.duplicate()
        }
        let byEmail = try await storage.user(email: imported.email, connection: job.connection, tenantID: tenantID)
        var byID: User?
        if let id { byID = try await storage.user(id, tenantID: tenantID) }
        let existing = byEmail ?? byID
        if let byEmail, let byID, byEmail.id != byID.id { throw Self.duplicate() }
        if let existing {
            guard job.options.upsert, existing.connection == job.connection else { throw Self.duplicate() }
            var user = existing
            imported.apply(to: &user, now: clock.now())
            try await save(user, tenantID: tenantID, create: false)
            return .updated
        }
        var user = User(
            tenantID: tenantID, id: id ?? RandomToken.identifier(prefix: "auth0|", length: 24),
            connection: job.connection, email: imported.email,
            passwordHash: nil, createdAt: clock.now())
        imported.apply(to: &user, now: clock.now())
        try await save(user, tenantID: tenantID, create: true)
        return .inserted
    }

    private func save(_ user: User, tenantID: String, create: Bool) async throws {
        do {
            if create {
                try await storage.createUser(user, tenantID: tenantID)
            } else {
                try await storage.updateUser(user, tenantID: tenantID)
            }
        } catch StorageError.conflict {
            throw Self.duplicate()
        }
    }

    private static func duplicate() -> ImportedUserRejection {
        ImportedUserRejection(reasons: [.init(code: "DUPLICATED_USER", message: "The user already exists.")])
    }

    /// The entry as the errors show it: as given, without its password hashes.
    private static func shown(_ entry: [String: JSONValue]) -> String {
        JSONValue.object(entry.filter { $0.key != "password_hash" && $0.key != "custom_password_hash" }).jsonText
    }
}
