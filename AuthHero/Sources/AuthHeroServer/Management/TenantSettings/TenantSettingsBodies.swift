/// The body of `PATCH /api/v2/tenants/settings`; absent fields stay as they are.
struct UpdateTenantSettingsBody: StrictBody {
    static let shape =
        #"{"friendly_name"?: string, "flags"?: {"allow_organization_name_in_authentication_api"?: bool, "#
        + #""allow_global_roles_in_organizations"?: bool}}"#

    let friendlyName: String?
    let flags: FlagsBody?

    enum Members: String, CodingKey, CaseIterable {
        case flags
        case friendlyName = "friendly_name"
    }

    init(from decoder: any Decoder) throws {
        try Self.refuseUnknownMembers(decoder)
        let container = try decoder.container(keyedBy: Members.self)
        friendlyName = try container.decodeIfPresent(String.self, forKey: .friendlyName)
        flags = try container.decodeIfPresent(FlagsBody.self, forKey: .flags)
    }
}

/// `flags` of ``UpdateTenantSettingsBody``.
struct FlagsBody: Decodable {
    let allowOrganizationNameInAuthenticationAPI: Bool?
    let allowGlobalRolesInOrganizations: Bool?

    enum Members: String, CodingKey, CaseIterable {
        case allowOrganizationNameInAuthenticationAPI = "allow_organization_name_in_authentication_api"
        case allowGlobalRolesInOrganizations = "allow_global_roles_in_organizations"
    }

    init(from decoder: any Decoder) throws {
        try UpdateTenantSettingsBody.refuseUnknownMembers(decoder, known: Members.self)
        let container = try decoder.container(keyedBy: Members.self)
        allowOrganizationNameInAuthenticationAPI = try container.decodeIfPresent(
            Bool.self, forKey: .allowOrganizationNameInAuthenticationAPI)
        allowGlobalRolesInOrganizations = try container.decodeIfPresent(
            Bool.self, forKey: .allowGlobalRolesInOrganizations)
    }
}
