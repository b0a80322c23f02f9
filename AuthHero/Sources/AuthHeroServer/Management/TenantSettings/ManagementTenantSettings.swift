import AuthHeroCore

/// The Auth0-style view of a tenant's settings (`GET /api/v2/tenants/settings`): its friendly name and the flags
/// this runtime implements, under Auth0's names.
struct ManagementTenantSettings: Encodable, Sendable {
    let friendlyName: String
    let flags: Flags

    struct Flags: Encodable, Sendable {
        /// `TenantSettings.allowOrganizationNameInToken`.
        let allowOrganizationNameInAuthenticationAPI: Bool
        /// `TenantSettings.inheritGlobalPermissionsInOrganizations`.
        let allowGlobalRolesInOrganizations: Bool

        private enum CodingKeys: String, CodingKey {
            case allowOrganizationNameInAuthenticationAPI = "allow_organization_name_in_authentication_api"
            case allowGlobalRolesInOrganizations = "allow_global_roles_in_organizations"
        }
    }

    init(_ tenant: Tenant) {
        friendlyName = tenant.friendlyName
        flags = Flags(
            allowOrganizationNameInAuthenticationAPI: tenant.settings.allowOrganizationNameInToken,
            allowGlobalRolesInOrganizations: tenant.settings.inheritGlobalPermissionsInOrganizations)
    }

    private enum CodingKeys: String, CodingKey {
        case flags
        case friendlyName = "friendly_name"
    }
}
