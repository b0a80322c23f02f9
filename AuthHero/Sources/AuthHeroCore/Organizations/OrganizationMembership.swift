import Foundation

/// A user's membership of an organization within one tenant.
public struct OrganizationMembership: Codable, Sendable, Equatable {
    public var tenantID: String
    public var organizationID: String
    public var userID: String
    public var createdAt: Date

    /// Creates a membership record.
    public init(tenantID: String, organizationID: String, userID: String, createdAt: Date) {
        self.tenantID = tenantID
        self.organizationID = organizationID
        self.userID = userID
        self.createdAt = createdAt
    }
}
