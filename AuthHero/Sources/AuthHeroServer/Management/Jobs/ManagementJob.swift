import AuthHeroCore
import Foundation

/// A job in Auth0's shape (`GET /api/v2/jobs/{id}`, and the answers that create one): `summary` once an import has
/// run, `location` once an export has, `status_details` saying why a failed job failed.
struct ManagementJob: Encodable, Sendable {
    let id: String
    let type: String
    let status: String
    let createdAt: String
    let connectionID: String
    let connection: String
    let externalID: String?
    let summary: JobSummary?
    let location: String?
    let format: String?
    let limit: Int?
    let fields: [ManagementExportField]?
    let statusDetails: String?

    /// The job as Auth0 shows it; `location` is the export's signed link, made for this answer.
    init(_ job: Job, location: String?) {
        id = job.id
        type = job.type.rawValue
        status = job.status.rawValue
        createdAt = job.createdAt.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        connectionID = job.connectionID
        connection = job.connection
        externalID = job.externalID
        summary = job.type == .usersImport ? job.summary : nil
        self.location = location
        let export = job.type == .usersExport
        format = export ? (job.options.format ?? .json).rawValue : nil
        limit = export ? job.options.limit : nil
        fields = export && !job.options.fields.isEmpty ? job.options.fields.map(ManagementExportField.init) : nil
        statusDetails = job.failureReason
    }

    private enum CodingKeys: String, CodingKey {
        case id, type, status, connection, summary, location, format, limit, fields
        case createdAt = "created_at"
        case connectionID = "connection_id"
        case externalID = "external_id"
        case statusDetails = "status_details"
    }
}

/// One export field as Auth0 spells it: `{"name": ..., "export_as": ...}`.
struct ManagementExportField: Codable, Sendable {
    let name: String
    let exportAs: String?

    init(_ field: UserExportField) {
        name = field.name
        exportAs = field.exportAs
    }

    private enum CodingKeys: String, CodingKey {
        case name
        case exportAs = "export_as"
    }
}

/// One failed user of an import, as `GET /api/v2/jobs/{id}/errors` answers it.
struct ManagementJobError: Encodable, Sendable {
    let user: JSONValue
    let errors: [JobUserError.Reason]

    init(_ error: JobUserError) {
        user = (try? JSONDecoder().decode(JSONValue.self, from: Data(error.user.utf8))) ?? .object([:])
        errors = error.errors
    }
}
