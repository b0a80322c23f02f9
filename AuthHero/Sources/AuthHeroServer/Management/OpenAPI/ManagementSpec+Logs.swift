import OpenAPIKit

extension ManagementSpec {
    /// `/api/v2/logs` (``LogRoutes``).
    static var logs: SpecGroup {
        let tag = "Logs"
        let filters = [
            SpecOperation.query("user_id"), SpecOperation.query("type"),
            SpecOperation.query("tenant"),
        ]
        return SpecGroup(
            schemas: [
                (
                    "Log",
                    SpecSchema.record([
                        "log_id": .string, "date": .string(format: .dateTime), "type": .string,
                        "description": .string, "user_id": .string, "client_id": .string(required: false),
                        "tenant_id": .string, "details": SpecSchema.stringMap(),
                    ])
                )
            ],
            routes: [
                SpecRoute(
                    .get, "/api/v2/logs", "listLogs", tag: tag,
                    summary: "The audit log, newest first; with from/take a bare array, oldest first, after from "
                        + "(tenant= is for platform staff at the control plane)",
                    scope: "read:logs", parameters: SpecOperation.paging + SpecOperation.checkpoint + filters,
                    response: SpecSchema.list("Log", key: "logs", length: true)),
                SpecRoute(
                    .get, "/api/v2/logs/{id}", "getLog", tag: tag, summary: "One audit log entry", scope: "read:logs",
                    parameters: [SpecOperation.path("id")], response: SpecSchema.ref("Log")),
            ])
    }
}
