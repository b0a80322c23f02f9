import HTTPTypes
import OpenAPIKit

extension ClientRoutes: ManagementRouteGroup {
    var schemas: [(String, JSONSchema)] {
        let strings = JSONSchema.array(items: .string)
        return [
            (
                "Client",
                SpecSchema.record([
                    "client_id": .string, "tenant": .string, "name": .string, "description": .string,
                    "app_type": .string, "is_first_party": .boolean, "token_endpoint_auth_method": .string,
                    "callbacks": strings, "allowed_logout_urls": strings, "web_origins": strings,
                    "allowed_origins": strings, "grant_types": strings, "client_secret": .string(required: false),
                ])
            )
        ]
    }

    var operations: [ManagementOperation] {
        let tag = "Clients"
        let client = SpecSchema.ref("Client")
        return [
            ManagementOperation(
                .get, "clients", "listClients", summary: "List applications", scope: "read:clients",
                parameters: SpecOperation.paging, response: SpecSchema.list("Client", key: "clients"), tag: tag,
                handler: list),
            ManagementOperation(
                .get, "clients/{id}", "getClient", summary: "An application", scope: "read:clients", response: client,
                tag: tag, handler: get),
            ManagementOperation(
                .post, "clients", "createClient",
                summary: "Create an application (a confidential one's secret is shown once)", scope: "create:clients",
                body: CreateClientBody.self, status: 201, response: client, errors: [409], tag: tag, handler: create),
            ManagementOperation(
                .patch, "clients/{id}", "updateClient", summary: "Update an application", scope: "update:clients",
                body: UpdateClientBody.self, response: client, errors: [409], tag: tag, handler: update),
            ManagementOperation(
                .delete, "clients/{id}", "deleteClient", summary: "Delete an application", scope: "delete:clients",
                status: 204, response: nil, tag: tag, handler: delete),
            ManagementOperation(
                .post, "clients/{id}/rotate-secret", "rotateClientSecret",
                summary: "A new secret, shown once; the old one stops working", scope: "update:client_keys",
                response: client, tag: tag, handler: rotateSecret),
        ]
    }
}
