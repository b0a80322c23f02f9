import OpenAPIKit

/// The body of `PATCH /api/v2/tenants/settings`; absent fields stay as they are.
struct UpdateTenantSettingsBody: ManagementBody {
    static let schemaName = "UpdateTenantSettings"
    static let shape =
        #"{"friendly_name"?: string, "flags"?: {"allow_organization_name_in_authentication_api"?: bool, "#
        + #""allow_global_roles_in_organizations"?: bool}}"#
    static var schema: JSONSchema {
        SpecSchema.strictBody([
            "friendly_name": .string(required: false, minLength: 1),
            "flags": .object(
                required: false,
                properties: [
                    "allow_organization_name_in_authentication_api": .boolean(required: false),
                    "allow_global_roles_in_organizations": .boolean(required: false),
                ], additionalProperties: .a(false)),
        ])
    }

    let friendlyName: String?
    let flags: Flags?

    /// `flags`: the switches the tenant may change.
    struct Flags: Decodable {
        let allowOrganizationNameInAuthenticationAPI: Bool?
        let allowGlobalRolesInOrganizations: Bool?

        private enum CodingKeys: String, CodingKey {
            case allowOrganizationNameInAuthenticationAPI = "allow_organization_name_in_authentication_api"
            case allowGlobalRolesInOrganizations = "allow_global_roles_in_organizations"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case flags
        case friendlyName = "friendly_name"
    }
}
