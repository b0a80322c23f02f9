import OpenAPIKit

extension ManagementSpec {
    /// `/api/v2/resource-servers` (``ResourceServerRoutes``).
    static var resourceServers: SpecGroup {
        let tag = "Resource servers"
        let id = SpecOperation.path("id")
        let resourceServer = SpecSchema.ref("ResourceServer")
        let algorithm = JSONSchema.string(required: false, allowedValues: ["RS256", "ES256"])
        let scopes = JSONSchema.array(
            required: false, items: .object(properties: ["value": .string, "description": .string(required: false)]))
        let lifetime = JSONSchema.integer(
            required: false, maximum: (ResourceServerRules.maximumTokenLifetime, exclusive: false),
            minimum: (1, exclusive: false))
        return SpecGroup(
            schemas: [
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
                ),
                (
                    "CreateResourceServer",
                    SpecSchema.body([
                        "identifier": .string(minLength: 1, maxLength: ResourceServerRules.maximumIdentifierLength),
                        "name": .string(required: false), "scopes": scopes,
                        "signing_alg": algorithm, "token_lifetime": lifetime,
                        "enforce_policies": .boolean(required: false),
                        "allow_offline_access": .boolean(required: false),
                        "metadata": SpecSchema.stringMap(required: false),
                    ])
                ),
                (
                    "UpdateResourceServer",
                    SpecSchema.body([
                        "identifier": .string(required: false), "name": .string(required: false), "scopes": scopes,
                        "signing_alg": algorithm, "token_lifetime": lifetime,
                        "enforce_policies": .boolean(required: false),
                        "allow_offline_access": .boolean(required: false),
                        "metadata": SpecSchema.stringMap(required: false),
                    ])
                ),
            ],
            routes: [
                SpecRoute(
                    .get, "/api/v2/resource-servers", "listResourceServers", tag: tag, summary: "List APIs",
                    scope: "read:resource_servers", parameters: SpecOperation.paging,
                    response: SpecSchema.list("ResourceServer", key: "resource_servers")),
                SpecRoute(
                    .get, "/api/v2/resource-servers/{id}", "getResourceServer", tag: tag,
                    summary: "An API, by id or identifier", scope: "read:resource_servers", parameters: [id],
                    response: resourceServer),
                SpecRoute(
                    .post, "/api/v2/resource-servers", "createResourceServer", tag: tag, summary: "Create an API",
                    scope: "create:resource_servers", body: SpecSchema.ref("CreateResourceServer"), status: 201,
                    response: resourceServer, errors: [409]),
                SpecRoute(
                    .patch, "/api/v2/resource-servers/{id}", "updateResourceServer", tag: tag,
                    summary: "Update an API", scope: "update:resource_servers", parameters: [id],
                    body: SpecSchema.ref("UpdateResourceServer"), response: resourceServer),
                SpecRoute(
                    .delete, "/api/v2/resource-servers/{id}", "deleteResourceServer", tag: tag,
                    summary: "Delete an API", scope: "delete:resource_servers", parameters: [id], status: 204,
                    response: nil),
            ])
    }
}
