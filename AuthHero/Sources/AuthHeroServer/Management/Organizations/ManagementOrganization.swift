import AuthHeroCore

/// An organization in Auth0's shape (`{id, name, display_name, metadata}`).
struct ManagementOrganization: Encodable, Sendable {
    let id: String
    let name: String
    let displayName: String
    let metadata: [String: String]

    init(_ organization: Organization) {
        id = organization.id
        name = organization.name
        displayName = organization.displayName
        metadata = organization.metadata
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, metadata
        case displayName = "display_name"
    }
}
