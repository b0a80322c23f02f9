/// What the control plane shares with every customer tenant at one moment: its resource servers minus the built-in
/// management API and internal ones, and its roles minus internal ones, with only their permissions on those synced
/// resource servers. A synced copy in a customer tenant is correct exactly when it
/// matches this set.
public struct SyncableSet: Sendable, Equatable {
    /// The control-plane resource servers to copy, ordered by identifier.
    public var resourceServers: [ResourceServer]
    /// The control-plane roles to copy, ordered by id, each with its permissions on synced resource servers only.
    public var roles: [RoleGrants]

    /// Creates a set; ``load(from:multiTenancy:)`` builds the real one.
    public init(resourceServers: [ResourceServer] = [], roles: [RoleGrants] = []) {
        self.resourceServers = resourceServers
        self.roles = roles
    }

    /// Reads the control plane and applies the plugin's rules: the built-in management API is never synced (every
    /// tenant has its own), internal resource servers (``MultiTenancyPlugin/isInternal``) are never synced, and a
    /// synced role keeps only permissions on resource servers that are synced themselves, so no customer tenant
    /// ever holds a grant on an internal or management API through sync.
    public static func load(from storage: any AuthHeroStorage, multiTenancy: MultiTenancyPlugin) async throws
        -> SyncableSet
    {
        let cp = ControlPlane.tenantID
        var servers: [ResourceServer] = []
        if multiTenancy.syncsResourceServers {
            servers = try await storage.resourceServers(tenantID: cp).filter { server in
                !server.isSystem && server.identifier != BuiltInManagementAPI.identifier
                    && !multiTenancy.isInternal(server)
            }
        }
        guard multiTenancy.syncsRoles else { return SyncableSet(resourceServers: servers) }
        let synced = Set(servers.map(\.identifier))
        let internalAPIs = Set(
            try await storage.resourceServers(tenantID: cp).filter(multiTenancy.isInternal).map(\.identifier))
        let roles = try await storage.roleGrants(tenantID: cp).filter {
            !isInternal($0, internalAPIs: internalAPIs)
        }.map { grants in
            RoleGrants(
                role: grants.role,
                permissions: grants.permissions.filter { synced.contains($0.resourceServerIdentifier) })
        }
        return SyncableSet(resourceServers: servers, roles: roles)
    }

    /// Whether a control-plane role is the platform's own (never synced, and its copies are removed): its name starts
    /// with `Internal:`, or it grants anything on an internal API, or it grants `admin:tenants`. Dropping only the
    /// offending permissions would still hand every tenant a role named like staff, so the whole role stays home.
    public static func isInternal(_ grants: RoleGrants, internalAPIs: Set<String>) -> Bool {
        grants.role.name.hasPrefix("Internal:")
            || grants.permissions.contains {
                internalAPIs.contains($0.resourceServerIdentifier)
                    || $0.permissionName == BuiltInManagementAPI.platformStaffPermission
            }
    }

    /// The synced resource server with this identifier, if it is in the set.
    public func resourceServer(identifier: String) -> ResourceServer? {
        resourceServers.first { $0.identifier == identifier }
    }

    /// The synced role with this control-plane id, if it is in the set.
    public func role(id: String) -> RoleGrants? { roles.first { $0.role.id == id } }

    /// Every synced role's permissions on resource server `identifier` (control-plane role ids).
    public func permissions(onResourceServer identifier: String) -> [RolePermission] {
        roles.flatMap { $0.permissions.filter { $0.resourceServerIdentifier == identifier } }
    }
}
