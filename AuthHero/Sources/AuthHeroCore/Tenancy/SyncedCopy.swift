/// How control-plane objects look as their synced copies in a customer tenant, and when a tenant's copies are
/// correct: every storage writes and checks copies through these, so the layouts cannot disagree on what "in sync"
/// means.
extension ResourceServer {
    /// This control-plane resource server as tenant `tenantID`'s copy `id`: the same API, never a system one, and
    /// naming its source in `syncedFrom`.
    public func syncedCopy(tenantID: String, id: String) -> ResourceServer {
        ResourceServer(
            tenantID: tenantID, id: id, identifier: identifier, name: name, scopes: scopes,
            enforcePolicies: enforcePolicies, tokenLifetime: tokenLifetime, signingAlgorithm: signingAlgorithm,
            metadata: metadata, isSystem: false, syncedFrom: self.id)
    }
}

extension Role {
    /// This control-plane role as tenant `tenantID`'s copy `id`.
    public func syncedCopy(tenantID: String, id: String) -> Role {
        Role(tenantID: tenantID, id: id, name: name, description: description, syncedFrom: self.id)
    }
}

extension RolePermission {
    /// This permission of a control-plane role as one of tenant `tenantID`'s copy `roleID`.
    public func syncedCopy(tenantID: String, roleID: String) -> RolePermission {
        RolePermission(
            tenantID: tenantID, roleID: roleID, resourceServerIdentifier: resourceServerIdentifier,
            permissionName: permissionName)
    }
}

extension SyncableSet {
    /// Whether `copies` (a tenant's synced copies as ``SyncStore/syncedCopies(tenantID:)`` reads them: copy ids,
    /// `syncedFrom` naming the source) are exactly this set, so a full pass can skip the tenant without writing.
    public func isMirrored(by copies: SyncableSet, tenantID: String) -> Bool {
        let serversBySource = Dictionary(
            copies.resourceServers.map { ($0.syncedFrom ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        guard copies.resourceServers.count == resourceServers.count,
            resourceServers.allSatisfy({ source in
                serversBySource[source.id].map { $0 == source.syncedCopy(tenantID: tenantID, id: $0.id) } ?? false
            })
        else { return false }
        let rolesBySource = Dictionary(
            copies.roles.map { ($0.role.syncedFrom ?? "", $0.role) }, uniquingKeysWith: { first, _ in first })
        guard copies.roles.count == roles.count else { return false }
        var desired = Set<RolePermission>()
        for grants in roles {
            guard let role = rolesBySource[grants.role.id],
                role == grants.role.syncedCopy(tenantID: tenantID, id: role.id)
            else { return false }
            desired.formUnion(grants.permissions.map { $0.syncedCopy(tenantID: tenantID, roleID: role.id) })
        }
        return Set(copies.roles.flatMap(\.permissions)) == desired
    }
}
