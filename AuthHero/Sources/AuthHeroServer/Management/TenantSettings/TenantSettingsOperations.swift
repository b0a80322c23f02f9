import HTTPTypes
import OpenAPIKit

extension TenantSettingsRoutes: ManagementRouteGroup {
    var schemas: [(String, JSONSchema)] {
        [
            (
                "TenantSettings",
                SpecSchema.record([
                    "friendly_name": .string,
                    "flags": SpecSchema.record([
                        "allow_organization_name_in_authentication_api": .boolean,
                        "allow_global_roles_in_organizations": .boolean,
                    ]),
                ])
            )
        ]
    }

    var operations: [ManagementOperation] {
        let tag = "Tenant settings"
        let settings = SpecSchema.ref("TenantSettings")
        return [
            ManagementOperation(
                .get, "tenants/settings", "getTenantSettings", summary: "The tenant's settings",
                scope: "read:tenant_settings", response: settings, tag: tag, handler: get),
            ManagementOperation(
                .patch, "tenants/settings", "updateTenantSettings", summary: "Change the tenant's settings",
                scope: "update:tenant_settings", body: UpdateTenantSettingsBody.self, response: settings, tag: tag,
                handler: update),
            ManagementOperation(
                .delete, "tenants/settings", "deleteTenantSettings",
                summary: "Refused: settings are read and changed, never deleted", scope: .checkedByHandler, status: 405,
                response: SpecSchema.ref("Error"), tag: tag, handler: delete),
        ]
    }
}
