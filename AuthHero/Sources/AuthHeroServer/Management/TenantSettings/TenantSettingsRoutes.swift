import AuthHeroCore
import Foundation
import Hummingbird

/// `GET`/`PATCH /api/v2/tenants/settings`: the target tenant's friendly name and flags (declared in
/// `TenantSettingsOperations.swift`). The path is a constant segment, which the router matches before `tenants/:id`
/// for every method, so `settings` is never read as a tenant id (and is a reserved tenant name, so no tenant is
/// unreachable behind it).
struct TenantSettingsRoutes: Sendable {
    static let maximumFriendlyNameLength = 255

    let services: AuthHeroServices

    func get(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws -> Response
    {
        JSONResponse.make(ManagementTenantSettings(try await current(caller)))
    }

    func update(
        _ body: UpdateTenantSettingsBody, _ request: Request, _ context: AuthHeroRequestContext,
        _ caller: ManagementCaller
    ) async throws -> Response {
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
            try await services.storage.updateTenant(tenant)
        } catch StorageError.notFound {
            throw ManagementError.tenantNotFound
        }
        // Hosts resolve to a remembered copy of the tenant; the next request must see these settings.
        await services.accessInvalidation.invalidate(tenant: tenant.id)
        let shown = ManagementTenantSettings(tenant)
        await ManagementWriteAudit(services: services).record(
            "tenant_settings.updated", target: tenant.id,
            details: [
                "friendly_name": shown.friendlyName,
                "allow_organization_name_in_authentication_api":
                    "\(shown.flags.allowOrganizationNameInAuthenticationAPI)",
                "allow_global_roles_in_organizations": "\(shown.flags.allowGlobalRolesInOrganizations)",
            ], context)
        return JSONResponse.make(shown)
    }

    /// A 405 saying how settings are changed instead: they exist as long as the tenant does.
    func delete(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Response
    {
        throw ManagementError(
            status: .methodNotAllowed, errorCode: "operation_not_supported",
            message: "Tenant settings are read with GET and changed with PATCH; they cannot be deleted.")
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
