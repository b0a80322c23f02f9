import AuthHeroCore
import Foundation
import Hummingbird

/// `GET`/`PATCH /api/v2/tenants/settings`: the target tenant's friendly name and flags. The path is a constant
/// segment, which the router matches before `tenants/:id` for every method, so `settings` is never read as a tenant
/// id (and is a reserved tenant name, so no tenant is unreachable behind it).
struct TenantSettingsRoutes {
    static let maximumFriendlyNameLength = 255

    let services: AuthHeroServices

    func register(on group: RouterGroup<AuthHeroRequestContext>) {
        let storage = services.storage
        let audit = ManagementWriteAudit(services: services)
        group.get("tenants/settings") { _, context in
            let caller = try context.requireManagement()
            try caller.require(scope: "read:tenant_settings")
            return JSONResponse.make(
                ManagementTenantSettings(try await current(caller)), headers: ManagementPage.noStore)
        }
        group.patch("tenants/settings") { request, context in
            let caller = try context.requireManagement()
            try caller.require(scope: "update:tenant_settings")
            let body = try await ManagementRequest.strictBody(
                UpdateTenantSettingsBody.self, request, shape: UpdateTenantSettingsBody.shape)
            var tenant = try await current(caller)
            if let name = body.friendlyName {
                let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !trimmed.isEmpty, trimmed.count <= Self.maximumFriendlyNameLength else {
                    throw ManagementError.invalidBody(
                        "friendly_name must be 1 to \(Self.maximumFriendlyNameLength) characters.")
                }
                tenant.friendlyName = trimmed
            }
            if let allowed = body.flags?.allowOrganizationNameInAuthenticationAPI {
                tenant.settings.allowOrganizationNameInToken = allowed
            }
            if let allowed = body.flags?.allowGlobalRolesInOrganizations {
                tenant.settings.inheritGlobalPermissionsInOrganizations = allowed
            }
            tenant.updatedAt = services.clock.now()
            do {
                try await storage.updateTenant(tenant)
            } catch StorageError.notFound {
                throw ManagementError.tenantNotFound
            }
            let shown = ManagementTenantSettings(tenant)
            await audit.record(
                "tenant_settings.updated", target: tenant.id,
                details: [
                    "friendly_name": shown.friendlyName,
                    "allow_organization_name_in_authentication_api":
                        "\(shown.flags.allowOrganizationNameInAuthenticationAPI)",
                    "allow_global_roles_in_organizations": "\(shown.flags.allowGlobalRolesInOrganizations)",
                ], context)
            return JSONResponse.make(shown, headers: ManagementPage.noStore)
        }
        group.delete("tenants/settings") { _, _ -> Response in
            throw ManagementError(
                status: .methodNotAllowed, errorCode: "operation_not_supported",
                message: "Tenant settings are read with GET and changed with PATCH; they cannot be deleted.")
        }
    }

    /// The target tenant as stored now (the caller's copy may predate another write).
    private func current(_ caller: ManagementCaller) async throws -> Tenant {
        guard let tenant = try await services.storage.tenant(caller.target.id) else {
            throw ManagementError.tenantNotFound
        }
        return tenant
    }
}

extension ManagementError {
    /// 404 `inexistent_tenant`: the tenant was deleted while the request ran.
    static let tenantNotFound = notFound("inexistent_tenant", "The tenant does not exist.")
}
