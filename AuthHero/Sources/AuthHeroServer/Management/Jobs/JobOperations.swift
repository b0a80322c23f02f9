import HTTPTypes
import OpenAPIKit

extension JobRoutes: ManagementRouteGroup {
    var schemas: [(String, JSONSchema)] {
        let summary = JSONSchema.object(
            required: false,
            properties: ["inserted": .integer, "updated": .integer, "failed": .integer, "total": .integer],
            additionalProperties: .a(false))
        let field = SpecSchema.record(["name": .string, "export_as": .string(required: false)])
        return [
            (
                "Job",
                SpecSchema.record([
                    "id": .string, "type": .string, "status": .string, "created_at": .string,
                    "connection_id": .string, "connection": .string, "external_id": .string(required: false),
                    "summary": summary, "location": .string(required: false),
                    "format": .string(required: false), "limit": .integer(required: false),
                    "fields": .array(required: false, items: field), "status_details": .string(required: false),
                ])
            ),
            (
                "JobError",
                SpecSchema.record([
                    "user": .object(),
                    "errors": .array(
                        items: SpecSchema.record(["code": .string, "message": .string, "path": .string])),
                ])
            ),
        ]
    }

    /// Auth0's users-imports form: the users file (a JSON array, at most 500 KB), the database connection it goes
    /// to, and the flags as form text.
    static let usersImportForm: JSONSchema = .object(properties: [
        "users": .string(
            description: "Auth0's bulk-import file: a JSON array of user objects, at most 500 KB.",
            contentMediaType: .json),
        "connection_id": .string(description: "The database connection the users join."),
        "upsert": .string(
            required: false, description: "true to update users that exist (matched by email).",
            allowedValues: ["true", "false"]),
        "external_id": .string(required: false, description: "Your own reference for the job, returned with it."),
        "send_completion_email": .string(
            required: false, description: "Accepted as Auth0 does; no mail is sent.", allowedValues: ["true", "false"]),
    ])

    var operations: [ManagementOperation] {
        let tag = "Jobs"
        let job = SpecSchema.ref("Job")
        return [
            ManagementOperation(
                .post, "jobs/users-imports", "createUsersImport",
                summary: "Import users from a multipart users file (Auth0's bulk-import JSON array, at most 500 KB)",
                scope: "create:users", form: Self.usersImportForm, status: 202, response: job, errors: [413], tag: tag,
                handler: createImport),
            ManagementOperation(
                .post, "jobs/users-exports", "createUsersExport",
                summary: "Export a connection's users as gzipped NDJSON or CSV", scope: "read:users",
                body: ExportUsersBody.self, status: 201, response: job, tag: tag, handler: createExport),
            ManagementOperation(
                .get, "jobs/{id}", "getJob", summary: "A job's status, summary and (for an export) location",
                scope: "read:users", response: job, tag: tag, handler: get),
            ManagementOperation(
                .get, "jobs/{id}/errors", "getJobErrors", summary: "The users an import could not take, and why",
                scope: "create:users", response: .array(items: SpecSchema.ref("JobError")), tag: tag,
                handler: errors),
        ]
    }
}
