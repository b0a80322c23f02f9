import OpenAPIKit

extension ManagementSpec {
    /// `/api/v2/clients`, `/api/v2/client-grants`, `/api/v2/connections` and `/api/v2/tenants/settings`
    /// (``ClientManagementRoutes``). Request bodies mirror `ClientBodies`, `ClientGrantBodies`, `ConnectionBodies` and
    /// `TenantSettingsBodies`, whose decoders refuse unknown fields.
    static var clients: SpecGroup {
        let id = SpecOperation.path("id")
        let strings = JSONSchema.array(items: .string)
        let optionalStrings = JSONSchema.array(
            required: false, maxItems: ClientRules.maximumListLength, items: .string(minLength: 1))
        let clientName = JSONSchema.string(minLength: 1, maxLength: ClientRules.maximumNameLength)
        let clientFields: OrderedDictionary<String, JSONSchema> = [
            "description": .string(required: false, maxLength: ClientRules.maximumDescriptionLength),
            "app_type": .string(required: false, allowedValues: ["spa", "native", "regular_web", "non_interactive"]),
            "token_endpoint_auth_method": .string(
                required: false, allowedValues: ["none", "client_secret_post", "client_secret_basic"]),
            "callbacks": optionalStrings, "allowed_logout_urls": optionalStrings, "web_origins": optionalStrings,
            "allowed_origins": optionalStrings, "grant_types": optionalStrings,
        ]
        func clientBody(_ name: JSONSchema) -> JSONSchema {
            var properties: OrderedDictionary<String, JSONSchema> = ["name": name]
            for (field, schema) in clientFields { properties[field] = schema }
            return strict(properties)
        }
        let grantScopes = JSONSchema.array(items: .string(minLength: 1))
        let flags = JSONSchema.object(
            required: false,
            properties: [
                "allow_organization_name_in_authentication_api": .boolean(required: false),
                "allow_global_roles_in_organizations": .boolean(required: false),
            ], additionalProperties: .a(false))
        let connectionOptions = JSONSchema.object(
            required: false,
            properties: [
                "disable_signup": .boolean(required: false),
                "passwordPolicy": .string(
                    required: false, nullable: true, allowedValues: ["none", "low", "fair", "good", "excellent", nil]),
                "password_complexity_options": .object(
                    required: false,
                    properties: [
                        "min_length": .integer(
                            required: false, nullable: true, maximum: (72, exclusive: false),
                            minimum: (1, exclusive: false))
                    ]),
            ])
        return SpecGroup(
            schemas: [
                ("CreateClient", clientBody(clientName)),
                (
                    "UpdateClient",
                    clientBody(.string(required: false, minLength: 1, maxLength: ClientRules.maximumNameLength))
                ),
                (
                    "CreateClientGrant",
                    strict([
                        "client_id": .string(minLength: 1), "audience": .string(minLength: 1), "scope": grantScopes,
                    ])
                ),
                ("UpdateClientGrant", strict(["scope": grantScopes])),
                ("UpdateConnection", strict(["options": connectionOptions])),
                (
                    "UpdateTenantSettings",
                    strict(["friendly_name": .string(required: false, minLength: 1), "flags": flags])
                ),
                (
                    "Client",
                    SpecSchema.record([
                        "client_id": .string, "tenant": .string, "name": .string, "description": .string,
                        "app_type": .string, "is_first_party": .boolean, "token_endpoint_auth_method": .string,
                        "callbacks": strings, "allowed_logout_urls": strings, "web_origins": strings,
                        "allowed_origins": strings, "grant_types": strings, "client_secret": .string(required: false),
                    ])
                ),
                (
                    "ClientGrant",
                    SpecSchema.record([
                        "id": .string, "client_id": .string, "audience": .string, "scope": strings,
                    ])
                ),
                (
                    "Connection",
                    SpecSchema.record([
                        "id": .string, "name": .string, "strategy": .string, "realms": strings,
                        "options": SpecSchema.record([
                            "disable_signup": .boolean, "passwordPolicy": .string(required: false),
                            "password_complexity_options": SpecSchema.record(["min_length": .integer]),
                        ]),
                    ])
                ),
                (
                    "TenantSettings",
                    SpecSchema.record([
                        "friendly_name": .string,
                        "flags": SpecSchema.record([
                            "allow_organization_name_in_authentication_api": .boolean,
                            "allow_global_roles_in_organizations": .boolean,
                        ]),
                    ])
                ),
            ],
            routes: [
                SpecRoute(
                    .get, "/api/v2/clients", "listClients", tag: "Clients", summary: "List applications",
                    scope: "read:clients", parameters: SpecOperation.paging,
                    response: SpecSchema.list("Client", key: "clients")),
                SpecRoute(
                    .get, "/api/v2/clients/{id}", "getClient", tag: "Clients", summary: "An application",
                    scope: "read:clients", parameters: [id], response: SpecSchema.ref("Client")),
                SpecRoute(
                    .post, "/api/v2/clients", "createClient", tag: "Clients",
                    summary: "Create an application (a confidential one's secret is shown once)",
                    scope: "create:clients", body: SpecSchema.ref("CreateClient"), status: 201,
                    response: SpecSchema.ref("Client"),
                    errors: [409]),
                SpecRoute(
                    .patch, "/api/v2/clients/{id}", "updateClient", tag: "Clients", summary: "Update an application",
                    scope: "update:clients", parameters: [id], body: SpecSchema.ref("UpdateClient"),
                    response: SpecSchema.ref("Client"),
                    errors: [409]),
                SpecRoute(
                    .delete, "/api/v2/clients/{id}", "deleteClient", tag: "Clients", summary: "Delete an application",
                    scope: "delete:clients", parameters: [id], status: 204, response: nil),
                SpecRoute(
                    .post, "/api/v2/clients/{id}/rotate-secret", "rotateClientSecret", tag: "Clients",
                    summary: "A new secret, shown once; the old one stops working", scope: "update:client_keys",
                    parameters: [id], response: SpecSchema.ref("Client")),
                SpecRoute(
                    .get, "/api/v2/client-grants", "listClientGrants", tag: "Client grants",
                    summary: "List client grants", scope: "read:client_grants",
                    parameters: SpecOperation.paging + [
                        SpecOperation.query("audience"), SpecOperation.query("client_id"),
                    ],
                    response: SpecSchema.list("ClientGrant", key: "client_grants")),
                SpecRoute(
                    .post, "/api/v2/client-grants", "createClientGrant", tag: "Client grants",
                    summary: "Grant a client scopes of an API", scope: "create:client_grants",
                    body: SpecSchema.ref("CreateClientGrant"),
                    status: 201, response: SpecSchema.ref("ClientGrant"), errors: [409]),
                SpecRoute(
                    .patch, "/api/v2/client-grants/{id}", "updateClientGrant", tag: "Client grants",
                    summary: "Change a grant's scopes", scope: "update:client_grants", parameters: [id],
                    body: SpecSchema.ref("UpdateClientGrant"),
                    response: SpecSchema.ref("ClientGrant")),
                SpecRoute(
                    .delete, "/api/v2/client-grants/{id}", "deleteClientGrant", tag: "Client grants",
                    summary: "Delete a client grant", scope: "delete:client_grants", parameters: [id], status: 204,
                    response: nil),
                SpecRoute(
                    .get, "/api/v2/connections", "listConnections", tag: "Connections", summary: "List connections",
                    scope: "read:connections",
                    parameters: SpecOperation.paging + [SpecOperation.query("strategy"), SpecOperation.query("name")],
                    response: SpecSchema.list("Connection", key: "connections")),
                SpecRoute(
                    .get, "/api/v2/connections/{id}", "getConnection", tag: "Connections", summary: "A connection",
                    scope: "read:connections", parameters: [id], response: SpecSchema.ref("Connection")),
                SpecRoute(
                    .patch, "/api/v2/connections/{id}", "updateConnection", tag: "Connections",
                    summary: "Change sign-up and password policy options", scope: "update:connections",
                    parameters: [id], body: SpecSchema.ref("UpdateConnection"), response: SpecSchema.ref("Connection")),
                SpecRoute(
                    .get, "/api/v2/tenants/settings", "getTenantSettings", tag: "Tenant settings",
                    summary: "The tenant's settings", scope: "read:tenant_settings",
                    response: SpecSchema.ref("TenantSettings")),
                SpecRoute(
                    .patch, "/api/v2/tenants/settings", "updateTenantSettings", tag: "Tenant settings",
                    summary: "Change the tenant's settings", scope: "update:tenant_settings",
                    body: SpecSchema.ref("UpdateTenantSettings"),
                    response: SpecSchema.ref("TenantSettings")),
                SpecRoute(
                    .delete, "/api/v2/tenants/settings", "deleteTenantSettings", tag: "Tenant settings",
                    summary: "Refused: settings are read and changed, never deleted", scope: nil, status: 405,
                    response: SpecSchema.ref("Error")),
            ])
    }

    /// A request body whose decoder refuses fields it does not know (`StrictBody`).
    private static func strict(_ properties: OrderedDictionary<String, JSONSchema>) -> JSONSchema {
        .object(properties: properties, additionalProperties: .a(false))
    }
}
