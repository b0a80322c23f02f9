import OpenAPIKit

/// The body of `POST /api/v2/roles`.
struct CreateRoleBody: ManagementBody {
    static let schemaName = "CreateRole"
    static let shape = #"{"name": string, "description"?: string}"#
    static var schema: JSONSchema {
        SpecSchema.strictBody([
            "name": .string(minLength: 1, maxLength: RoleName.maximumLength), "description": .string(required: false),
        ])
    }

    let name: String
    let description: String?
}

/// The body of `PATCH /api/v2/roles/{id}`; absent fields stay as they are.
struct UpdateRoleBody: ManagementBody {
    static let schemaName = "UpdateRole"
    static let shape = #"{"name"?: string, "description"?: string}"#
    static var schema: JSONSchema {
        SpecSchema.strictBody(["name": .string(required: false), "description": .string(required: false)])
    }

    let name: String?
    let description: String?
}

/// `{"permissions": [{"resource_server_identifier", "permission_name"}]}`, added to or removed from a role.
struct RolePermissionsBody: ManagementBody {
    static let schemaName = "RolePermissions"
    static let shape =
        #"{"permissions": [{"resource_server_identifier": string, "permission_name": string}, ...]} with at least one"#
    static var schema: JSONSchema {
        SpecSchema.strictBody([
            "permissions": .array(
                minItems: 1,
                items: .object(
                    properties: ["resource_server_identifier": .string, "permission_name": .string],
                    additionalProperties: .a(false)))
        ])
    }

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

    /// Auth0 refuses an empty list.
    func validate() throws(ManagementError) {
        guard !permissions.isEmpty else { throw ManagementError.invalidBody("The body must be \(Self.shape).") }
    }
}
