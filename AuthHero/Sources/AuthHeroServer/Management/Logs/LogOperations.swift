import HTTPTypes
import OpenAPIKit

extension LogRoutes: ManagementRouteGroup {
    var schemas: [(String, JSONSchema)] {
        [
            (
                "Log",
                SpecSchema.record([
                    "log_id": .string, "date": .string(format: .dateTime), "type": .string,
                    "description": .string, "user_id": .string, "client_id": .string(required: false),
                    "tenant_id": .string, "details": SpecSchema.stringMap(),
                ])
            )
        ]
    }

    var operations: [ManagementOperation] {
        let tag = "Logs"
        let filters = [SpecOperation.query("user_id"), SpecOperation.query("type"), SpecOperation.query("tenant")]
        return [
            ManagementOperation(
                .get, "logs", "listLogs",
                summary: "The audit log, newest first; with from/take a bare array, oldest first, after from "
                    + "(tenant= is for platform staff at the control plane)",
                scope: "read:logs", parameters: SpecOperation.paging + SpecOperation.checkpoint + filters,
                response: SpecSchema.list("Log", key: "logs", length: true), tag: tag, handler: list),
            ManagementOperation(
                .get, "logs/{id}", "getLog", summary: "One audit log entry", scope: "read:logs",
                response: SpecSchema.ref("Log"), tag: tag, handler: get),
        ]
    }
}
