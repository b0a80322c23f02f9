import HTTPTypes
import OpenAPIKit

extension TenantRoutes: ManagementRouteGroup {
    var schemas: [(String, JSONSchema)] {
        [
            (
                "TenantEntry",
                SpecSchema.record([
                    "id": .string, "tenant_id": .string, "name": .string, "display_name": .string,
                    "domains": .array(items: .string),
                ])
            )
        ]
    }

    var operations: [ManagementOperation] {
        let tag = "Tenants"
        let search = OpenAPI.Parameter.query(
            name: "q", schema: .string,
            description: "Only tenants whose organization name or display name contains this text (case ignored)")
        return [
            ManagementOperation(
                .get, "tenants", "listTenants",
                summary: "The tenants the caller manages (all of them for platform staff)",
                scope: .checkedByHandler, parameters: SpecOperation.paging + [search],
                response: SpecSchema.list("TenantEntry", key: "tenants"), tag: tag, handler: list),
            ManagementOperation(
                .post, "tenants", "createTenant",
                summary: "Create a tenant; the signed-in caller becomes its administrator", scope: .checkedByHandler,
                body: CreateTenantBody.self, status: 201, response: SpecSchema.ref("TenantEntry"), errors: [409, 429],
                tag: tag, handler: create),
            ManagementOperation(
                .delete, "tenants/{id}", "deleteTenant",
                summary: "Delete a tenant (by tenant id or organization id) with its organization; needs "
                    + "delete:tenants, granted by the token or by the caller's roles in the tenant's organization",
                scope: .checkedByHandler, status: 204, response: nil, tag: tag, handler: delete),
        ]
    }
}
