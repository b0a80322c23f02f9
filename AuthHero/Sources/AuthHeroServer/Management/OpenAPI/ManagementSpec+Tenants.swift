import OpenAPIKit

extension ManagementSpec {
    /// `/api/v2/tenants` at the control plane (``TenantRoutes``).
    static var tenants: SpecGroup {
        let tag = "Tenants"
        return SpecGroup(
            schemas: [
                (
                    "TenantEntry",
                    SpecSchema.record([
                        "id": .string, "tenant_id": .string, "name": .string, "display_name": .string,
                        "domains": .array(items: .string),
                    ])
                ),
                (
                    "CreateTenant",
                    SpecSchema.body([
                        "name": .string(pattern: "^[a-z0-9]([a-z0-9-]{0,48}[a-z0-9])?$"),
                        "display_name": .string(required: false),
                    ])
                ),
            ],
            routes: [
                SpecRoute(
                    .get, "/api/v2/tenants", "listTenants", tag: tag,
                    summary: "The tenants the caller manages (all of them for platform staff)", scope: nil,
                    parameters: SpecOperation.paging + [
                        .query(
                            name: "q", schema: .string,
                            description:
                                "Only tenants whose organization name or display name contains this text (case ignored)"
                        )
                    ],
                    response: SpecSchema.list("TenantEntry", key: "tenants")),
                SpecRoute(
                    .post, "/api/v2/tenants", "createTenant", tag: tag,
                    summary: "Create a tenant; the signed-in caller becomes its administrator", scope: nil,
                    body: SpecSchema.ref("CreateTenant"), status: 201, response: SpecSchema.ref("TenantEntry"),
                    errors: [409, 429]),
                SpecRoute(
                    .delete, "/api/v2/tenants/{id}", "deleteTenant", tag: tag,
                    summary: "Delete a tenant (by tenant id or organization id) with its organization",
                    scope: "delete:tenants", parameters: [SpecOperation.path("id")], status: 204, response: nil),
            ])
    }
}
