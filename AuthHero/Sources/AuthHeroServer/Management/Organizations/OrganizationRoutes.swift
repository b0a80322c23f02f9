import AuthHeroCore
import Hummingbird

/// `/api/v2/organizations`: the target tenant's organizations. In the control plane, a tenant's linked organization
/// keeps its name, and is deleted only with its tenant (`DELETE /api/v2/tenants/{id}`). Declared in
/// `OrganizationOperations.swift`.
struct OrganizationRoutes: Sendable {
    let services: AuthHeroServices

    var storage: any AuthHeroStorage { services.storage }

    func list(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Response
    {
        if let checkpoint = try ManagementCheckpoint(request) {
            let slice = try await storage.organizations(
                from: checkpoint.from, take: checkpoint.take, tenantID: caller.target.id)
            return ManagementCheckpoint.response(
                slice.items.map(ManagementOrganization.init), next: slice.next, key: "organizations")
        }
        let page = try ManagementPage(request)
        let organizations = try await storage.organizations(window: page.window, tenantID: caller.target.id)
        return page.response(organizations.map(ManagementOrganization.init), key: "organizations")
    }

    func getByName(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Response
    {
        let name = try ManagementRequest.pathParameter("name", context)
        guard let organization = try await storage.organization(named: name, tenantID: caller.target.id) else {
            throw ManagementError.organizationNotFound
        }
        return JSONResponse.make(ManagementOrganization(organization))
    }

    func get(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws -> Response
    {
        JSONResponse.make(ManagementOrganization(try await existingOrganization(context, caller)))
    }

    func create(
        _ body: CreateOrganizationBody, _ request: Request, _ context: AuthHeroRequestContext,
        _ caller: ManagementCaller
    ) async throws -> Response {
        let name = try OrganizationRules.name(body.name)
        let metadata = body.metadata ?? [:]
        try OrganizationRules.checkLinkUntouched(before: [:], after: metadata, tenantID: caller.target.id)
        let organization = Organization(
            tenantID: caller.target.id, id: RandomToken.identifier(prefix: "org_"), name: name,
            displayName: body.displayName ?? name, metadata: metadata, createdAt: services.clock.now())
        do {
            try await storage.createOrganization(organization, tenantID: caller.target.id)
        } catch StorageError.conflict {
            throw OrganizationRules.nameTaken(name)
        }
        return JSONResponse.make(ManagementOrganization(organization), status: .created)
    }

    func update(
        _ body: UpdateOrganizationBody, _ request: Request, _ context: AuthHeroRequestContext,
        _ caller: ManagementCaller
    ) async throws -> Response {
        var organization = try await existingOrganization(context, caller)
        if let name = body.name, name != organization.name {
            guard !OrganizationRules.isLinked(organization) else {
                throw ManagementError.invalidBody(
                    "This organization belongs to tenant \(organization.metadata[OrganizationRules.tenantLinkKey] ?? ""); "
                        + "its name is the tenant's name and cannot change.")
            }
            organization.name = try OrganizationRules.name(name)
        }
        organization.displayName = body.displayName ?? organization.displayName
        var metadata = organization.metadata
        for (key, value) in body.metadata ?? [:] { metadata[key] = value }
        try OrganizationRules.checkLinkUntouched(
            before: organization.metadata, after: metadata, tenantID: caller.target.id)
        organization.metadata = metadata
        do {
            try await storage.updateOrganization(organization, tenantID: caller.target.id)
        } catch StorageError.conflict {
            throw OrganizationRules.nameTaken(organization.name)
        } catch StorageError.notFound {
            throw ManagementError.organizationNotFound
        }
        return JSONResponse.make(ManagementOrganization(organization))
    }

    func delete(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Response
    {
        let organization = try await existingOrganization(context, caller)
        guard !OrganizationRules.isLinked(organization) else {
            let tenant = organization.metadata[OrganizationRules.tenantLinkKey] ?? ""
            throw ManagementError.invalidBody(
                "This organization belongs to tenant \(tenant); delete the tenant with "
                    + "DELETE /api/v2/tenants/\(tenant), which removes its organization too.")
        }
        guard try await storage.deleteOrganization(organization.id, tenantID: caller.target.id) else {
            throw ManagementError.organizationNotFound
        }
        return Response(status: .noContent)
    }

    /// The organization named by the path in the target tenant, or 404 `inexistent_organization`.
    func existingOrganization(_ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Organization
    {
        let organizationID = try ManagementRequest.pathParameter("id", context)
        guard let organization = try await services.storage.organization(organizationID, tenantID: caller.target.id)
        else { throw ManagementError.organizationNotFound }
        return organization
    }
}
