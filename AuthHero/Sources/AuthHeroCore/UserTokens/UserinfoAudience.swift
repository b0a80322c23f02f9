/// The audience of access tokens requested without `audience`: they are good for `/userinfo` only, as Auth0's
/// opaque tokens are, but signed like every other token so one verifier handles them.
public enum UserinfoAudience {
    /// `{issuer}userinfo`.
    public static func identifier(tenant: TenantContext) -> String { tenant.issuer + "userinfo" }

    /// A built-in resource server for that audience (no RBAC, 24 hours). Offline access is allowed, as Auth0 allows
    /// refresh tokens for a sign-in that names no API.
    public static func resourceServer(tenant: TenantContext) -> ResourceServer {
        ResourceServer(
            tenantID: tenant.tenant.id, id: "userinfo", identifier: identifier(tenant: tenant), name: "User info",
            enforcePolicies: false, tokenLifetime: 86_400, allowOfflineAccess: true, isSystem: true)
    }
}
