/// Per-tenant behaviour switches; stored as one JSON document so new fields need no migration.
public struct TenantSettings: Codable, Sendable, Equatable {
    /// Lifetime of a rotated-out signing key in the JWKS, so tokens it signed keep verifying (seconds).
    public var keyRotationGraceSeconds: Int
    /// Whether `/authorize` may take an organization name instead of its id (auth0-compat.md, "Organizations").
    public var allowOrganizationNameInToken: Bool
    /// Whether global roles count inside organizations (`inherit_global_permissions_in_organizations`, default off).
    public var inheritGlobalPermissionsInOrganizations: Bool
    /// How long a rotated refresh token may still be used (a client retrying after a lost answer) before its reuse
    /// revokes the family, in seconds; 0 (the default) tolerates no reuse.
    public var refreshTokenReuseLeewaySeconds: Int = 0

    /// Creates settings with the documented defaults.
    public init(
        keyRotationGraceSeconds: Int = 86_400, allowOrganizationNameInToken: Bool = false,
        inheritGlobalPermissionsInOrganizations: Bool = false
    ) {
        self.keyRotationGraceSeconds = keyRotationGraceSeconds
        self.allowOrganizationNameInToken = allowOrganizationNameInToken
        self.inheritGlobalPermissionsInOrganizations = inheritGlobalPermissionsInOrganizations
    }

    private enum CodingKeys: String, CodingKey {
        case keyRotationGraceSeconds = "key_rotation_grace_seconds"
        case allowOrganizationNameInToken = "allow_organization_name_in_token"
        case inheritGlobalPermissionsInOrganizations = "inherit_global_permissions_in_organizations"
        case refreshTokenReuseLeewaySeconds = "refresh_token_reuse_leeway_seconds"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = TenantSettings()
        keyRotationGraceSeconds =
            try c.decodeIfPresent(Int.self, forKey: .keyRotationGraceSeconds) ?? defaults.keyRotationGraceSeconds
        allowOrganizationNameInToken =
            try c.decodeIfPresent(Bool.self, forKey: .allowOrganizationNameInToken)
            ?? defaults.allowOrganizationNameInToken
        inheritGlobalPermissionsInOrganizations =
            try c.decodeIfPresent(Bool.self, forKey: .inheritGlobalPermissionsInOrganizations)
            ?? defaults.inheritGlobalPermissionsInOrganizations
        refreshTokenReuseLeewaySeconds =
            try c.decodeIfPresent(Int.self, forKey: .refreshTokenReuseLeewaySeconds)
            ?? defaults.refreshTokenReuseLeewaySeconds
    }
}
