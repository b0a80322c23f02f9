/// A control-plane role the seed creates, with its fixed id and its permissions by API identifier.
public struct SeededRole: Sendable, Equatable {
    public let id: String
    public let name: String
    public let description: String
    /// Permission names by resource-server identifier (token `aud`).
    public let permissions: [String: [String]]

    /// The five roles of the seed: `admin` and `viewer` run a customer tenant, `user` uses the customer API,
    /// `support-engineer` and `platform-admin` are the platform's internal staff roles.
    public static var all: [SeededRole] {
        let management = BuiltInManagementAPI.identifier
        let customer = SeededResourceServers.customerAPI
        let internalAPI = SeededResourceServers.internalAPI.identifier
        let tenantScopes = BuiltInManagementAPI.tenantAdministrationScopes
        return [
            SeededRole(
                id: TenantProvisioner.adminRoleID, name: "admin",
                description:
                    "Runs a customer tenant: users, roles, organizations and members, clients; reads resource servers and logs; the customer API",
                permissions: [management: tenantScopes, customer.identifier: customer.scopes.map(\.value)]),
            SeededRole(
                id: "rol_viewer", name: "viewer", description: "Reads a customer tenant",
                permissions: [
                    management: tenantScopes.filter { $0.hasPrefix("read:") },
                    customer.identifier: ["read:profile", "read:users"],
                ]),
            SeededRole(
                id: "rol_user", name: "user", description: "Uses the customer API",
                permissions: [customer.identifier: ["read:profile", "write:profile"]]),
            SeededRole(
                id: "rol_support_engineer", name: "support-engineer",
                description: "Internal: platform support across tenants",
                permissions: [internalAPI: ["support:access", "read:all-tenants"]]),
            SeededRole(
                id: "rol_platform_admin", name: "platform-admin",
                description: "Internal: manages every tenant of the platform",
                permissions: [
                    management: BuiltInManagementAPI.scopes + [BuiltInManagementAPI.platformStaffPermission]
                ]),
        ]
    }

    /// The role records' permissions in the control plane.
    var rolePermissions: [RolePermission] {
        permissions.keys.sorted().flatMap { audience in
            permissions[audience]!.map {
                RolePermission(
                    tenantID: ControlPlane.tenantID, roleID: id, resourceServerIdentifier: audience, permissionName: $0)
            }
        }
    }
}
