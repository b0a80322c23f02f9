import OpenAPIKit

/// The body of `POST /api/v2/organizations`.
struct CreateOrganizationBody: ManagementBody {
    static let schemaName = "CreateOrganization"
    static var schema: JSONSchema {
        SpecSchema.strictBody([
            "name": .string(minLength: 1, maxLength: OrganizationRules.maximumNameLength, pattern: "^[a-z0-9_-]+$"),
            "display_name": .string(required: false), "metadata": SpecSchema.stringMap(required: false),
        ])
    }
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
struct UpdateOrganizationBody: ManagementBody {
    static let schemaName = "UpdateOrganization"
    static var schema: JSONSchema {
        SpecSchema.strictBody([
            "name": .string(required: false), "display_name": .string(required: false),
            "metadata": SpecSchema.metadataChanges,
        ])
    }
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
struct MembersBody: ManagementBody {
    static let schemaName = "MemberIDs"
    static let shape = #"{"members": [user id, ...]} with at least one id"#
    static var schema: JSONSchema {
        SpecSchema.strictBody(["members": .array(minItems: 1, items: .string)])
    }

    let members: [String]

    /// Auth0 refuses an empty list.
    func validate() throws(ManagementError) {
        guard !members.isEmpty else { throw ManagementError.invalidBody("The body must be \(Self.shape).") }
    }
}
