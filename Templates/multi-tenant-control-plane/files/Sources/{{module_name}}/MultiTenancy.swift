import AuthHeroCore

/// How {{name}} runs its customer tenants. This file is yours: create-authhero writes it once and never again.
///
/// The control plane is a tenant too. A signed-in user creates a customer tenant with `POST /api/v2/tenants`; the
/// runtime then creates an organization linked to it, makes the user a member holding ``creatorRoleID``, and copies
/// (syncs) the control plane's resource servers and roles into the new tenant, except internal ones.
enum MultiTenancy {
    /// The control-plane role a tenant's creator holds in the tenant's organization. `rol_admin` is the seed's
    /// `admin` role (users, roles, organizations, members, the customer API); `rol_viewer` would make creators
    /// read-only.
    static let creatorRoleID = "rol_admin"

    /// How many tenants one user may create; the next `POST /api/v2/tenants` answers 429. Platform staff
    /// (`admin:tenants`) are not bound by it.
    static let tenantQuotaPerUser = 10

    /// Names no tenant may take, because each becomes a subdomain of your platform: the runtime's list (the
    /// control plane, `www`, `api`, `accounts`, `billing`, `support`, `status`, `mail`, `docs`, `portal`, ...) plus
    /// any your platform keeps for itself.
    static let reservedTenantNames = TenantName.reserved.union([])

    /// How long a deleted tenant's name, and so its issuer URL, stays out of reach, so that applications that still
    /// trust the old issuer never trust a new owner.
    static let deletedNameQuarantine = Duration.seconds(30 * 86_400)

    /// Whether the control plane's resource servers (APIs) and roles are copied into every customer tenant. The
    /// built-in Management API is never copied: every tenant has its own.
    static let syncsResourceServers = true
    static let syncsRoles = true

    /// Which control-plane APIs are internal: never synced, and synced roles never carry their permissions. The
    /// runtime's rule covers `metadata.sync == "false"`, `metadata.internal == "true"`, an `internal:` identifier
    /// and an `Internal:` name (the seed's `internal:platform-api` matches all four). Add your own conditions here,
    /// for example an identifier under your operations domain.
    static func isInternal(_ server: ResourceServer) -> Bool {
        MultiTenancyPlugin.isInternalByDefault(server)
    }

    /// The plugin the server runs with.
    static var plugin: MultiTenancyPlugin {
        MultiTenancyPlugin(
            creatorRoleID: creatorRoleID, tenantQuotaPerUser: tenantQuotaPerUser,
            reservedTenantNames: reservedTenantNames, deletedNameQuarantine: deletedNameQuarantine,
            syncsResourceServers: syncsResourceServers, syncsRoles: syncsRoles, isInternal: { isInternal($0) })
    }
}
