import AuthHeroCore

/// A permission a role grants, in Auth0's shape (`GET /roles/{id}/permissions`, `GET /users/{id}/permissions`).
struct ManagementPermission: Encodable, Sendable {
    let permissionName: String
    let resourceServerIdentifier: String
    let resourceServerName: String
    let description: String

    /// The permission with its API's name and the scope's description, looked up in `resourceServers`.
    init(_ permission: RolePermission, resourceServers: [String: ResourceServer]) {
        permissionName = permission.permissionName
        resourceServerIdentifier = permission.resourceServerIdentifier
        let resourceServer = resourceServers[permission.resourceServerIdentifier]
        resourceServerName = resourceServer?.name ?? permission.resourceServerIdentifier
        description = resourceServer?.scopes.first { $0.value == permission.permissionName }?.description ?? ""
    }

    /// Every resource server of the tenant by identifier, to describe permissions.
    static func resourceServers(_ storage: any AuthHeroStorage, tenantID: String) async throws
        -> [String: ResourceServer]
    {
        Dictionary(
            try await storage.resourceServers(tenantID: tenantID).map { ($0.identifier, $0) },
            uniquingKeysWith: { first, _ in first })
    }

    private enum CodingKeys: String, CodingKey {
        case permissionName = "permission_name"
        case resourceServerIdentifier = "resource_server_identifier"
        case resourceServerName = "resource_server_name"
        case description
    }
}
