/// Organizations and memberships.
public protocol OrganizationStore: Sendable {
    /// Inserts an organization; throws `StorageError.conflict` on a duplicate name.
    func createOrganization(_ organization: Organization, tenantID: String) async throws
    /// The organization with this id, if any.
    func organization(_ organizationID: String, tenantID: String) async throws -> Organization?
    /// The organization with this name, if any.
    func organization(named name: String, tenantID: String) async throws -> Organization?
    /// Adds a member (idempotent).
    func addMember(_ membership: OrganizationMembership, tenantID: String) async throws
    /// The organizations `userID` belongs to.
    func organizations(ofUser userID: String, tenantID: String) async throws -> [Organization]
    /// Whether `userID` is a member of `organizationID`.
    func isMember(userID: String, organizationID: String, tenantID: String) async throws -> Bool
}
