import HTTPTypes
import OpenAPIKit

extension ClientGrantRoutes: ManagementRouteGroup {
    var schemas: [(String, JSONSchema)] {
        [
            (
                "ClientGrant",
                SpecSchema.record([
                    "id": .string, "client_id": .string, "audience": .string, "scope": .array(items: .string),
                ])
            )
        ]
    }

    var operations: [ManagementOperation] {
        let tag = "Client grants"
        let grant = SpecSchema.ref("ClientGrant")
        return [
            ManagementOperation(
                .get, "client-grants", "listClientGrants", summary: "List client grants", scope: "read:client_grants",
                parameters: SpecOperation.paging + [SpecOperation.query("audience"), SpecOperation.query("client_id")],
                response: SpecSchema.list("ClientGrant", key: "client_grants"), tag: tag, handler: list),
            ManagementOperation(
                .post, "client-grants", "createClientGrant", summary: "Grant a client scopes of an API",
                scope: "create:client_grants", body: CreateClientGrantBody.self, status: 201, response: grant,
                errors: [409], tag: tag, handler: create),
            ManagementOperation(
                .patch, "client-grants/{id}", "updateClientGrant", summary: "Change a grant's scopes",
                scope: "update:client_grants", body: UpdateClientGrantBody.self, response: grant, tag: tag,
                handler: update),
            ManagementOperation(
                .delete, "client-grants/{id}", "deleteClientGrant", summary: "Delete a client grant",
                scope: "delete:client_grants", status: 204, response: nil, tag: tag, handler: delete),
        ]
    }
}
