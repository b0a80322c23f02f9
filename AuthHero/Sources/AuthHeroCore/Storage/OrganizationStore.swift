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
    /// The organizations whose name or display name contains `text` (ASCII case ignored; `%` and `_` are plain
    /// characters), by name: of those `memberID` belongs to, or of all when it is nil.
    func organizations(containing text: String, memberID: String?, tenantID: String) async throws -> [Organization]
    /// Whether `userID` is a member of `organizationID`.
    func isMember(userID: String, organizationID: String, tenantID: String) async throws -> Bool
    /// A window of the tenant's organizations, by name.
    func organizations(window: ListWindow, tenantID: String) async throws -> ListSlice<Organization>
    /// Up to `take` organizations by id, starting at id `from` (from the first when nil).
    func organizations(from: String?, take: Int, tenantID: String) async throws -> CheckpointSlice<Organization>
    /// Replaces an organization's name, display name and metadata; throws `StorageError.conflict` on a duplicate
    /// name.
    func updateOrganization(_ organization: Organization, tenantID: String) async throws
    /// Deletes an organization with its memberships and the role assignments made in it; false when there was no
    /// such organization.
    func deleteOrganization(_ organizationID: String, tenantID: String) async throws -> Bool
    /// A window of the organization's members, by user id.
    func members(of organizationID: String, window: ListWindow, tenantID: String) async throws -> ListSlice<User>
    /// Up to `take` members by user id, starting at user id `from` (from the first when nil).
    func members(of organizationID: String, from: String?, take: Int, tenantID: String) async throws
        -> CheckpointSlice<User>
    /// Removes a member and the roles they held in the organization (absent members are ignored).
    func removeMember(userID: String, organizationID: String, tenantID: String) async throws
    /// A window of the organizations `userID` belongs to, by name.
    func organizations(ofUser userID: String, window: ListWindow, tenantID: String) async throws
        -> ListSlice<Organization>
}
