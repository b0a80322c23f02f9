/// The body of `POST /api/v2/organizations`.
struct CreateOrganizationBody: Decodable {
    static let shape = #"{"name": string, "display_name"?: string, "metadata"?: {string: string}}"#

    let name: String
    let displayName: String?
    let metadata: [String: String]?

    private enum CodingKeys: String, CodingKey {
        case name, metadata
        case displayName = "display_name"
    }
}

/// The body of `PATCH /api/v2/organizations/{id}`; metadata is merged key by key and `null` removes a key.
struct UpdateOrganizationBody: Decodable {
    static let shape = #"{"name"?: string, "display_name"?: string, "metadata"?: {string: string|null}}"#

    let name: String?
    let displayName: String?
    let metadata: [String: String?]?

    private enum CodingKeys: String, CodingKey {
        case name, metadata
        case displayName = "display_name"
    }
}

/// `{"members": [user_id, ...]}`, added to or removed from an organization.
struct MembersBody: Decodable {
    static let shape = #"{"members": [user id, ...]} with at least one id"#

    let members: [String]
}
