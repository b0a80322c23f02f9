/// What a platform owner may change about multi-tenancy (a generated project's `MultiTenancy.swift` builds one):
/// the role a tenant's creator gets, the per-user tenant quota, the reserved tenant names and how long a deleted
/// tenant's name stays out of reach, which control-plane resource servers and roles
/// count as internal (never synced), whether resource servers and roles are synced at all, and the hooks that run
/// when tenants are created or deleted and when synced control-plane records change.
public struct MultiTenancyPlugin: Sendable {
    /// The control-plane role (by id) the creator of a tenant holds in its organization.
    public var creatorRoleID: String
    /// How many tenants one user may create. Platform staff (`admin:tenants`) are not bound by it.
    public var tenantQuotaPerUser: Int
    /// Names no tenant may take (default ``TenantName/reserved``).
    public var reservedTenantNames: Set<String>
    /// How long a deleted tenant's name (and so its issuer URL) is held back from new tenants, so that relying
    /// parties that still trust the old issuer never trust a new owner (default 30 days).
    public var deletedNameQuarantine: Duration
    /// Whether control-plane resource servers are copied to every customer tenant.
    public var syncsResourceServers: Bool
    /// Whether control-plane roles are copied to every customer tenant.
    public var syncsRoles: Bool
    /// Whether a control-plane resource server is internal (never synced; synced roles never carry its permissions).
    public var isInternal: @Sendable (ResourceServer) -> Bool
    /// What runs at each multi-tenancy event (default: ``MultiTenancyHooks/standard``).
    public var hooks: MultiTenancyHooks

    /// Creates the plugin; every argument defaults to the standard multi-tenancy behaviour.
    public init(
        creatorRoleID: String = "rol_admin", tenantQuotaPerUser: Int = 10,
        reservedTenantNames: Set<String> = TenantName.reserved, deletedNameQuarantine: Duration = .seconds(30 * 86_400),
        syncsResourceServers: Bool = true, syncsRoles: Bool = true,
        isInternal: @escaping @Sendable (ResourceServer) -> Bool = MultiTenancyPlugin.isInternalByDefault,
        hooks: MultiTenancyHooks = .standard
    ) {
        self.creatorRoleID = creatorRoleID
        self.tenantQuotaPerUser = tenantQuotaPerUser
        self.reservedTenantNames = reservedTenantNames
        self.deletedNameQuarantine = deletedNameQuarantine
        self.syncsResourceServers = syncsResourceServers
        self.syncsRoles = syncsRoles
        self.isInternal = isInternal
        self.hooks = hooks
    }

    /// The default internal rule: `metadata.sync == "false"`, `metadata.internal == "true"`, an `internal:`
    /// identifier or an `Internal:` name.
    public static let isInternalByDefault: @Sendable (ResourceServer) -> Bool = { server in
        server.metadata["sync"] == "false" || server.metadata["internal"] == "true"
            || server.identifier.hasPrefix("internal:") || server.name.hasPrefix("Internal:")
    }
}
