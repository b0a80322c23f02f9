/// One permission a role grants: a scope of one resource server.
public struct RolePermission: Codable, Sendable, Equatable, Hashable {
    public var tenantID: String
    public var roleID: String
    public var resourceServerIdentifier: String
    public var permissionName: String

    /// Creates a role permission record.
    public init(tenantID: String, roleID: String, resourceServerIdentifier: String, permissionName: String) {
        self.tenantID = tenantID
        self.roleID = roleID
        self.resourceServerIdentifier = resourceServerIdentifier
        self.permissionName = permissionName
    }
}
