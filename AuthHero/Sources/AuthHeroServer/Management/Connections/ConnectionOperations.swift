import HTTPTypes
import OpenAPIKit

extension ConnectionRoutes: ManagementRouteGroup {
    var schemas: [(String, JSONSchema)] {
        [
            (
                "Connection",
                SpecSchema.record([
                    "id": .string, "name": .string, "strategy": .string, "realms": .array(items: .string),
                    "options": SpecSchema.record([
                        "disable_signup": .boolean, "passwordPolicy": .string(required: false),
                        "password_complexity_options": SpecSchema.record(["min_length": .integer]),
                    ]),
                ])
            )
        ]
    }

    var operations: [ManagementOperation] {
        let tag = "Connections"
        let connection = SpecSchema.ref("Connection")
        return [
            ManagementOperation(
                .get, "connections", "listConnections", summary: "List connections", scope: "read:connections",
                parameters: SpecOperation.paging + [SpecOperation.query("strategy"), SpecOperation.query("name")],
                response: SpecSchema.list("Connection", key: "connections"), tag: tag, handler: list),
            ManagementOperation(
                .get, "connections/{id}", "getConnection", summary: "A connection", scope: "read:connections",
                response: connection, tag: tag, handler: get),
            ManagementOperation(
                .patch, "connections/{id}", "updateConnection",
                summary: "Change sign-up and password policy options", scope: "update:connections",
                body: UpdateConnectionBody.self, response: connection, tag: tag, handler: update),
        ]
    }
}
