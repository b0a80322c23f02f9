import HTTPTypes
import OpenAPIKit

extension ResourceServerRoutes: ManagementRouteGroup {
    var schemas: [(String, JSONSchema)] {
        [
            (
                "ResourceServer",
                SpecSchema.record([
                    "id": .string, "name": .string, "identifier": .string,
                    "scopes": .array(items: SpecSchema.record(["value": .string, "description": .string])),
                    "signing_alg": .string(allowedValues: ["RS256", "ES256"]), "token_lifetime": .integer,
                    "enforce_policies": .boolean, "allow_offline_access": .boolean, "is_system": .boolean,
                    "metadata": SpecSchema.stringMap(),
                    "synced_from": .string(required: false),
                ])
            )
        ]
    }

    var operations: [ManagementOperation] {
        let tag = "Resource servers"
        let resourceServer = SpecSchema.ref("ResourceServer")
        return [
            ManagementOperation(
                .get, "resource-servers", "listResourceServers", summary: "List APIs", scope: "read:resource_servers",
                parameters: SpecOperation.paging, response: SpecSchema.list("ResourceServer", key: "resource_servers"),
                tag: tag, handler: list),
            ManagementOperation(
                .get, "resource-servers/{id}", "getResourceServer", summary: "An API, by id or identifier",
                scope: "read:resource_servers", response: resourceServer, tag: tag, handler: get),
            ManagementOperation(
                .post, "resource-servers", "createResourceServer", summary: "Create an API",
                scope: "create:resource_servers", body: CreateResourceServerBody.self, status: 201,
                response: resourceServer, errors: [409], tag: tag, handler: create),
            ManagementOperation(
                .patch, "resource-servers/{id}", "updateResourceServer", summary: "Update an API",
                scope: "update:resource_servers", body: UpdateResourceServerBody.self, response: resourceServer,
                tag: tag, handler: update),
            ManagementOperation(
                .delete, "resource-servers/{id}", "deleteResourceServer", summary: "Delete an API",
                scope: "delete:resource_servers", status: 204, response: nil, tag: tag, handler: delete),
        ]
    }
}
