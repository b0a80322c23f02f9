import AuthHeroCore

/// Resolves role ids sent in a body (`{"roles": [...]}`) against the target tenant.
enum RoleLookup {
    /// The roles named, each of which must exist in the target tenant (404 `inexistent_role` otherwise), so an
    /// assignment never points at nothing.
    static func existing(_ roleIDs: [String], _ caller: ManagementCaller, _ storage: any AuthHeroStorage)
        async throws -> [Role]
    {
        var roles: [Role] = []
        for roleID in roleIDs {
            guard let role = try await storage.role(roleID, tenantID: caller.target.id) else {
                throw ManagementError.notFound("inexistent_role", "The role \(roleID) does not exist.")
            }
            roles.append(role)
        }
        return roles
    }
}
