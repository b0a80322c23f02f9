import Foundation

/// A Management API job of one tenant (Auth0's `users_import` and `users_export`), run off the request that created
/// it; its id has Auth0's shape `job_...`.
public struct Job: Codable, Sendable, Equatable {
    /// What the job does.
    public enum Kind: String, Codable, Sendable {
        case usersImport = "users_import"
        case usersExport = "users_export"
    }

    /// Where the job is: Auth0's four states.
    public enum Status: String, Codable, Sendable {
        case pending, processing, completed, failed
    }

    public var tenantID: String
    public var id: String
    public var type: Kind
    public var status: Status
    /// The database connection imported into or exported from, by id and by name.
    public var connectionID: String
    public var connection: String
    /// The caller's own reference for the job (Auth0's `external_id`).
    public var externalID: String?
    public var options: JobOptions
    /// An import's counts; nil until it finishes.
    public var summary: JobSummary?
    /// An import's failed users, as `GET /api/v2/jobs/{id}/errors` answers them.
    public var errors: [JobUserError]
    /// Why a failed job failed.
    public var failureReason: String?
    /// An import's users file (Auth0's bulk-import JSON array), kept so a pending job can resume after a restart.
    public var input: String?
    /// An export's gzipped file, served from the job's signed location.
    public var output: Data?
    public var createdAt: Date
    public var updatedAt: Date

    /// Creates a job record.
    public init(
        tenantID: String, id: String, type: Kind, status: Status = .pending, connectionID: String, connection: String,
        externalID: String? = nil, options: JobOptions = JobOptions(), summary: JobSummary? = nil,
        errors: [JobUserError] = [], failureReason: String? = nil, input: String? = nil, output: Data? = nil,
        createdAt: Date, updatedAt: Date? = nil
    ) {
        self.tenantID = tenantID
        self.id = id
        self.type = type
        self.status = status
        self.connectionID = connectionID
        self.connection = connection
        self.externalID = externalID
        self.options = options
        self.summary = summary
        self.errors = errors
        self.failureReason = failureReason
        self.input = input
        self.output = output
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

/// What the caller asked of a job besides its connection.
public struct JobOptions: Codable, Sendable, Equatable {
    /// Import: update users that already exist instead of reporting them as duplicates.
    public var upsert: Bool
    /// Import: Auth0's flag, accepted and kept; no mail is sent.
    public var sendCompletionEmail: Bool
    /// Export: `json` (gzipped NDJSON) or `csv` (gzipped).
    public var format: UserExportFormat?
    /// Export: the fields of each line, in order; empty for the default set.
    public var fields: [UserExportField]
    /// Export: at most this many users.
    public var limit: Int?

    /// Creates job options.
    public init(
        upsert: Bool = false, sendCompletionEmail: Bool = false, format: UserExportFormat? = nil,
        fields: [UserExportField] = [], limit: Int? = nil
    ) {
        self.upsert = upsert
        self.sendCompletionEmail = sendCompletionEmail
        self.format = format
        self.fields = fields
        self.limit = limit
    }
}

/// An import's counts, as Auth0 reports them.
public struct JobSummary: Codable, Sendable, Equatable {
    public var inserted: Int
    public var updated: Int
    public var failed: Int
    public var total: Int

    /// Creates a summary.
    public init(inserted: Int = 0, updated: Int = 0, failed: Int = 0, total: Int = 0) {
        self.inserted = inserted
        self.updated = updated
        self.failed = failed
        self.total = total
    }
}

/// One user an import could not take, with Auth0's error codes (`DUPLICATED_USER`, `INVALID_HASH`, ...).
public struct JobUserError: Codable, Sendable, Equatable {
    /// One reason, with the member of the user object it concerns.
    public struct Reason: Codable, Sendable, Equatable {
        public var code: String
        public var message: String
        public var path: String

        /// Creates a reason.
        public init(code: String, message: String, path: String = "") {
            self.code = code
            self.message = message
            self.path = path
        }
    }

    /// The user as the import file gave it, as JSON text (hashes left out, so the errors never repeat them).
    public var user: String
    public var errors: [Reason]

    /// Creates an entry.
    public init(user: String, errors: [Reason]) {
        self.user = user
        self.errors = errors
    }
}
