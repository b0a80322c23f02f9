import AuthHeroCore
import AuthHeroVerify
import HTTPTypes

/// The one rule for every route that hands out power over a tenant (role permissions, user roles, organization member
/// roles, client grants): nobody grants a Management API permission their own token lacks, platform staff included,
/// so no chain of grants ends with more power than its first link had. In a customer tenant nobody grants anything
/// on an internal API at all: those permissions are the platform's, and a tenant's token must never carry them.
enum PermissionGrantRule {
    /// Throws 403 `insufficient_scope` unless `caller` holds every one of `scopes`; `rule` opens the message.
    static func requireHeld(_ scopes: [String], by caller: ManagementCaller, _ rule: String) throws(ManagementError) {
        let notHeld = scopes.filter { !(caller.token.hasScope($0) || caller.token.hasPermission($0)) }
        guard notHeld.isEmpty else {
            throw ManagementError(
                status: .forbidden, errorCode: "insufficient_scope",
                message: "\(rule); it lacks \(notHeld.joined(separator: " ")).")
        }
    }

    /// Throws 403 `insufficient_scope` unless `caller` may hand out every one of `permissions`: each Management API
    /// permission must be held by the caller, and none may be on an internal API of a customer tenant.
    static func requireGrantable(
        _ permissions: [RolePermission], by caller: ManagementCaller, _ rule: String, services: AuthHeroServices
    ) async throws {
        if caller.target.id != ControlPlane.tenantID {
            var internalAPIs: [String: Bool] = [:]
            var refused: [String] = []
            for permission in permissions {
                let identifier = permission.resourceServerIdentifier
                if internalAPIs[identifier] == nil {
                    let api = try await services.storage.resourceServer(
                        identifier: identifier, tenantID: caller.target.id)
                    internalAPIs[identifier] =
                        identifier.hasPrefix("internal:") || api.map(services.multiTenancy.isInternal) == true
                }
                if internalAPIs[identifier] == true { refused.append("\(identifier) \(permission.permissionName)") }
            }
            guard refused.isEmpty else {
                throw ManagementError(
                    status: .forbidden, errorCode: "insufficient_scope",
                    message:
                        "Permissions on internal APIs are never granted in a customer tenant; refused "
                        + "\(refused.joined(separator: ", ")).")
            }
        }
        try requireHeld(
            permissions.filter { $0.resourceServerIdentifier == BuiltInManagementAPI.identifier }.map(\.permissionName),
            by: caller, rule)
    }

    /// Throws 403 `insufficient_scope` unless `caller` may hand out every permission `roles` grant, so assigning a
    /// role is never a way around ``requireGrantable(_:by:_:services:)``.
    static func requireAssignable(_ roles: [Role], by caller: ManagementCaller, services: AuthHeroServices)
        async throws
    {
        var permissions: [RolePermission] = []
        for role in roles {
            permissions += try await services.storage.permissions(
                ofRole: role.id, window: ListWindow(offset: 0, limit: Int.max), tenantID: caller.target.id
            ).items
        }
        try await requireGrantable(
            permissions, by: caller,
            "A role may be assigned only by a token holding every Management API permission it grants",
            services: services)
    }
}
