/// The body of `POST /api/v2/roles`.
struct CreateRoleBody: Decodable {
    static let shape = #"{"name": string, "description"?: string}"#

    let name: String
    let description: String?
}

/// The body of `PATCH /api/v2/roles/{id}`; absent fields stay as they are.
struct UpdateRoleBody: Decodable {
    static let shape = #"{"name"?: string, "description"?: string}"#

    let name: String?
    let description: String?
}

/// `{"permissions": [{"resource_server_identifier", "permission_name"}]}`, added to or removed from a role.
struct RolePermissionsBody: Decodable {
    static let shape =
        #"{"permissions": [{"resource_server_identifier": string, "permission_name": string}, ...]} with at least one"#

    /// One permission reference.
    struct Reference: Decodable {
        let resourceServerIdentifier: String
        let permissionName: String

        private enum CodingKeys: String, CodingKey {
            case resourceServerIdentifier = "resource_server_identifier"
            case permissionName = "permission_name"
        }
    }

    let permissions: [Reference]
}
