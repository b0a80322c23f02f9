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
    /// The tenant's roles whose name contains `nameFilter` (every role when nil), by name.
    func roles(nameContains nameFilter: String?, window: ListWindow, tenantID: String) async throws -> ListSlice<Role>
    /// Replaces a role's name, description and sync origin; throws `StorageError.conflict` on a duplicate name.
    func updateRole(_ role: Role, tenantID: String) async throws
    /// Deletes a role with its permissions and assignments; false when there was no such role.
    func deleteRole(_ roleID: String, tenantID: String) async throws -> Bool
    /// The permissions a role grants, by resource server identifier then name.
    func permissions(ofRole roleID: String, window: ListWindow, tenantID: String) async throws
        -> ListSlice<RolePermission>
    /// Removes permissions from a role (absent ones are ignored).
    func removePermissions(_ permissions: [RolePermission], tenantID: String) async throws
    /// The roles `userID` holds in `organizationID`, or globally when it is nil, by name.
    func roles(ofUser userID: String, organizationID: String?, window: ListWindow, tenantID: String) async throws
        -> ListSlice<Role>
    /// Takes a role away from a user (globally or in one organization); absent assignments are ignored.
    func unassignRole(_ assignment: UserRole, tenantID: String) async throws
    /// The users holding `roleID` globally or in any organization, oldest first.
    func users(withRole roleID: String, window: ListWindow, tenantID: String) async throws -> ListSlice<User>
    /// The distinct permissions of the roles `userID` holds globally, by resource server identifier then name
    /// (`roleID` is one role granting it).
    func globalPermissions(ofUser userID: String, window: ListWindow, tenantID: String) async throws
        -> ListSlice<RolePermission>
}
