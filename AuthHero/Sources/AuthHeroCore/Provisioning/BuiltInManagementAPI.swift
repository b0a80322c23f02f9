/// The Management API resource server every tenant has its own copy of (never synced from the control plane).
public enum BuiltInManagementAPI {
    /// The audience `/api/v2/*` accepts.
    public static let identifier = "urn:authhero:management"
    /// The permission that makes a control-plane token a platform-staff token.
    public static let platformStaffPermission = "admin:tenants"
    /// The scopes of the built-in resource server (Auth0's names); the control plane's `platform-admin` role holds
    /// them all plus ``platformStaffPermission``.
    public static let scopes = [
        "read:users", "create:users", "update:users", "delete:users", "read:roles", "create:roles", "update:roles",
        "delete:roles", "read:resource_servers", "create:resource_servers", "update:resource_servers",
        "delete:resource_servers", "read:organizations", "create:organizations", "update:organizations",
        "delete:organizations", "read:tenants", "delete:tenants", "read:role_members", "read:organization_members",
        "create:organization_members", "delete:organization_members", "read:organization_member_roles",
        "create:organization_member_roles", "delete:organization_member_roles", "read:clients", "create:clients",
        "update:clients", "delete:clients", "update:client_keys", "read:client_grants", "create:client_grants",
        "update:client_grants", "delete:client_grants", "read:connections", "update:connections",
        "read:custom_domains", "create:custom_domains", "update:custom_domains", "delete:custom_domains",
        "read:signing_keys", "create:signing_keys", "update:signing_keys", "read:logs", "read:tenant_settings",
        "update:tenant_settings",
    ]

    /// What it takes to run one customer tenant day to day (the seeded `admin` role): users, roles, organizations,
    /// members and member roles, clients and their grants; resource servers and logs read-only, because resource
    /// servers come from the control plane's sync and logs are the platform's record; reading and closing (deleting)
    /// its own tenant. Keys, connections, custom domains and tenant settings stay with platform staff.
    public static let tenantAdministrationScopes = scopes.filter { scope in
        let (action, resource) = split(scope)
        switch resource {
        case "users", "roles", "role_members", "organizations", "organization_members",
            "organization_member_roles", "clients", "client_keys", "client_grants":
            return true
        case "tenants": return action == "read" || action == "delete"
        case "resource_servers", "logs": return action == "read"
        default: return false
        }
    }

    private static func split(_ scope: String) -> (action: Substring, resource: Substring) {
        let parts = scope.split(separator: ":", maxSplits: 1)
        return (parts[0], parts.count > 1 ? parts[1] : "")
    }

    /// The resource server record for `tenantID` (the control plane's also carries ``platformStaffPermission``).
    public static func resourceServer(tenantID: String) -> ResourceServer {
        let values = tenantID == ControlPlane.tenantID ? scopes + [platformStaffPermission] : scopes
        return ResourceServer(
            tenantID: tenantID, id: "rs_management", identifier: identifier, name: "AuthHero Management API",
            scopes: values.map { ResourceServerScope(value: $0) }, enforcePolicies: true, tokenLifetime: 86_400,
            allowOfflineAccess: true, isSystem: true)
    }

    /// Creates the tenant's built-in management API, or brings an existing one up to this runtime's scopes and
    /// offline-access setting (a project updated to a runtime with new routes keeps working without manual edits).
    /// Its id, name and everything else a platform owner may have changed stay as they are.
    public static func ensureCurrent(in storage: any ResourceServerStore, tenantID: String) async throws {
        let desired = resourceServer(tenantID: tenantID)
        guard var existing = try await storage.resourceServer(identifier: identifier, tenantID: tenantID) else {
            try await storage.createResourceServer(desired, tenantID: tenantID)
            return
        }
        let known = Set(existing.scopes.map(\.value))
        let missing = desired.scopes.filter { !known.contains($0.value) }
        guard !missing.isEmpty || !existing.allowOfflineAccess else { return }
        existing.scopes += missing
        existing.allowOfflineAccess = true
        try await storage.updateResourceServer(existing, tenantID: tenantID)
    }
}
