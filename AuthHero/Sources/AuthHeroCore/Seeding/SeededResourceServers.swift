/// The resource servers the control-plane seed creates.
public enum SeededResourceServers {
    /// The customer-facing API, synced to every customer tenant.
    public static let customerAPI = ResourceServer(
        tenantID: ControlPlane.tenantID, id: "rs_customer_portal_api", identifier: "https://api.yourplatform.com",
        name: "Customer Portal API",
        scopes: ["read:profile", "write:profile", "manage:team", "read:users"].map { ResourceServerScope(value: $0) },
        enforcePolicies: true, metadata: ["sync": "true"])

    /// The platform's own API for its services and staff; never synced (`sync: false`, `internal: true`).
    public static let internalAPI = ResourceServer(
        tenantID: ControlPlane.tenantID, id: "rs_internal_platform_api", identifier: "internal:platform-api",
        name: "Internal: Platform API",
        scopes: ["support:access", "read:all-tenants", "write:all-tenants", "analytics:read", "manage:billing"]
            .map { ResourceServerScope(value: $0) },
        enforcePolicies: true, metadata: ["sync": "false", "internal": "true"])

    /// The control plane's built-in Management API (`urn:authhero:management`), which carries `admin:tenants`.
    public static var managementAPI: ResourceServer {
        BuiltInManagementAPI.resourceServer(tenantID: ControlPlane.tenantID)
    }
}
