/// Roles, their permissions and who holds them.
public protocol RoleStore: Sendable {
    /// Inserts a role; throws `StorageError.conflict` on a duplicate name.
    func createRole(_ role: Role, tenantID: String) async throws
    /// The role with this id, if any.
    func role(_ roleID: String, tenantID: String) async throws -> Role?
    /// Adds permissions to a role (idempotent).
    func addPermissions(_ permissions: [RolePermission], tenantID: String) async throws
    /// Gives a role to a user, globally or in one organization (idempotent).
    func assignRole(_ assignment: UserRole, tenantID: String) async throws
    /// The distinct permission names on `audience` from the roles `userID` holds in `organizationID` (nil: global
    /// roles only), plus the global roles too when `includeGlobal` is set.
    func permissions(
        userID: String, organizationID: String?, includeGlobal: Bool, audience: String, tenantID: String
    ) async throws -> [String]
}
