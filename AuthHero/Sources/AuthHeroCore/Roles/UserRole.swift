/// A role held by a user, either globally (`organizationID == nil`) or inside one organization.
public struct UserRole: Codable, Sendable, Equatable {
    public var tenantID: String
    public var userID: String
    public var roleID: String
    public var organizationID: String?

    /// Creates a role assignment.
    public init(tenantID: String, userID: String, roleID: String, organizationID: String? = nil) {
        self.tenantID = tenantID
        self.userID = userID
        self.roleID = roleID
        self.organizationID = organizationID
    }
}
