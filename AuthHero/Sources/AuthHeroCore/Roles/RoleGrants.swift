/// A role together with the permissions it grants: the unit control-plane sync copies into customer tenants.
public struct RoleGrants: Codable, Sendable, Equatable {
    public var role: Role
    public var permissions: [RolePermission]

    /// Pairs a role with its permissions (which must all name `role.id`).
    public init(role: Role, permissions: [RolePermission]) {
        self.role = role
        self.permissions = permissions
    }
}
