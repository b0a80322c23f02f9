/// The Management API resource server every tenant has its own copy of (never synced from the control plane).
public enum BuiltInManagementAPI {
    /// The audience `/api/v2/*` accepts.
    public static let identifier = "urn:authhero:management"
    /// The permission that makes a control-plane token a platform-staff token.
    public static let platformStaffPermission = "admin:tenants"
    /// The scopes of the built-in resource server; the control plane's `admin` role holds all but
    /// ``platformStaffPermission``.
    public static let scopes = [
        "read:users", "create:users", "update:users", "delete:users", "read:roles", "create:roles", "update:roles",
        "delete:roles", "read:resource_servers", "create:resource_servers", "update:resource_servers",
        "delete:resource_servers", "read:organizations", "create:organizations", "update:organizations",
        "delete:organizations", "read:tenants", "delete:tenants", "read:role_members", "read:organization_members",
        "create:organization_members", "delete:organization_members", "read:organization_member_roles",
        "create:organization_member_roles", "delete:organization_member_roles",
    ]

    /// The resource server record for `tenantID` (the control plane's also carries ``platformStaffPermission``).
    public static func resourceServer(tenantID: String) -> ResourceServer {
        let values = tenantID == ControlPlane.tenantID ? scopes + [platformStaffPermission] : scopes
        return ResourceServer(
            tenantID: tenantID, id: "rs_management", identifier: identifier, name: "AuthHero Management API",
            scopes: values.map { ResourceServerScope(value: $0) }, enforcePolicies: true, tokenLifetime: 86_400,
            isSystem: true)
    }
}
