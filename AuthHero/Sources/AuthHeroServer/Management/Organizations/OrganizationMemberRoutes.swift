import AuthHeroCore
import Hummingbird

/// `/api/v2/organizations/{id}/members` and `/api/v2/organizations/{id}/members/{user_id}/roles`.
extension OrganizationRoutes {
    func listMembers(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Response
    {
        let organization = try await existingOrganization(context, caller)
        if let checkpoint = try ManagementCheckpoint(request) {
            let slice = try await storage.members(
                of: organization.id, from: checkpoint.from, take: checkpoint.take, tenantID: caller.target.id)
            return ManagementCheckpoint.response(
                slice.items.map(ManagementUserSummary.init), next: slice.next, key: "members")
        }
        let page = try ManagementPage(request)
        let members = try await storage.members(
            of: organization.id, window: page.window, tenantID: caller.target.id)
        return page.response(members.map(ManagementUserSummary.init), key: "members")
    }

    func addMembers(
        _ body: MembersBody, _ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller
    ) async throws -> Response {
        let organization = try await existingOrganization(context, caller)
        let now = services.clock.now()
        for userID in body.members {
            guard try await storage.user(userID, tenantID: caller.target.id) != nil else {
                throw ManagementError.notFound("inexistent_user", "The user \(userID) does not exist.")
            }
            try await storage.addMember(
                OrganizationMembership(
                    tenantID: caller.target.id, organizationID: organization.id, userID: userID, createdAt: now),
                tenantID: caller.target.id)
        }
        return Response(status: .noContent)
    }

    func removeMembers(
        _ body: MembersBody, _ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller
    ) async throws -> Response {
        let organization = try await existingOrganization(context, caller)
        for userID in body.members {
            try await storage.removeMember(
                userID: userID, organizationID: organization.id, tenantID: caller.target.id)
            try await LiveAccessCheck(services: services).revoke(user: userID, tenantID: caller.target.id)
        }
        return Response(status: .noContent)
    }

    func listMemberRoles(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Response
    {
        let page = try ManagementPage(request)
        let (organization, userID) = try await membership(context, caller)
        let roles = try await storage.roles(
            ofUser: userID, organizationID: organization.id, window: page.window, tenantID: caller.target.id)
        return page.response(roles.map(ManagementRole.init), key: "roles")
    }

    func assignMemberRoles(
        _ body: RoleIDsBody, _ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller
    ) async throws -> Response {
        let (organization, userID) = try await membership(context, caller)
        let roles = try await RoleLookup.existing(body.roles, caller, storage)
        try await PermissionGrantRule.requireAssignable(roles, by: caller, services: services)
        for role in roles {
            try await storage.assignRole(
                UserRole(
                    tenantID: caller.target.id, userID: userID, roleID: role.id, organizationID: organization.id),
                tenantID: caller.target.id)
        }
        return Response(status: .noContent)
    }

    func removeMemberRoles(
        _ body: RoleIDsBody, _ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller
    ) async throws -> Response {
        let (organization, userID) = try await membership(context, caller)
        for roleID in body.roles {
            try await storage.unassignRole(
                UserRole(
                    tenantID: caller.target.id, userID: userID, roleID: roleID, organizationID: organization.id),
                tenantID: caller.target.id)
        }
        return Response(status: .noContent)
    }

    /// The organization and member the path names; a user who is not a member is a 404 `inexistent_member`.
    private func membership(_ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> (Organization, String)
    {
        let organization = try await existingOrganization(context, caller)
        let userID = try ManagementRequest.pathParameter("user_id", context)
        guard
            try await services.storage.isMember(
                userID: userID, organizationID: organization.id, tenantID: caller.target.id)
        else {
            throw ManagementError.notFound(
                "inexistent_member", "The user \(userID) is not a member of organization \(organization.id).")
        }
        return (organization, userID)
    }
}
