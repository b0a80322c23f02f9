import AuthHeroCore
import OpenAPIKit

/// The body of `POST /api/v2/jobs/users-exports`.
struct ExportUsersBody: ManagementBody {
    static let schemaName = "ExportUsers"
    static let shape =
        #"{"connection_id": string, "format"?: "json"|"csv", "limit"?: integer, "fields"?: [{"name": string, "export_as"?: string}]}"#
    static var schema: JSONSchema {
        SpecSchema.strictBody([
            "connection_id": .string, "format": .string(required: false, allowedValues: ["json", "csv"]),
            "limit": .integer(required: false),
            "fields": .array(
                required: false,
                items: .object(
                    properties: ["name": .string, "export_as": .string(required: false)],
                    additionalProperties: .a(false))),
        ])
    }

    let connectionID: String
    let format: UserExportFormat?
    let limit: Int?
    let fields: [ManagementExportField]?

    func validate() throws(ManagementError) {
        if let limit, limit < 1 { throw ManagementError.invalidBody("limit must be at least 1.") }
        for field in fields ?? [] where !UserExportField.known.contains(field.name) {
            throw ManagementError.invalidBody(
                "The field \(field.name) cannot be exported; use one of \(UserExportField.known.sorted().joined(separator: ", "))."
            )
        }
    }

    private enum CodingKeys: String, CodingKey {
        case format, limit, fields
        case connectionID = "connection_id"
    }
}
