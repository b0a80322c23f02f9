import AuthHeroCore
import AuthHeroVerify
import Hummingbird
import Logging

/// `/api/v2/tenants` at the control plane, an extension of Auth0's API (declared in `TenantOperations.swift`): the
/// tenants the caller manages through its organization memberships (all of them for platform staff), and self-serve
/// creation.
struct TenantRoutes: Sendable {
    let services: AuthHeroServices

    func list(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Response
    {
        try Self.requireControlPlane(caller)
        let page = try ManagementPage(request)
        let search = request.uri.queryParameters["q"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let managed = try await managedTenants(caller, search: search)
        // Entries (with their custom domains) are built for the requested page only.
        var shown: [TenantEntry] = []
        for (tenant, organization) in page.slice(managed) { shown.append(try await entry(tenant, organization)) }
        guard page.includeTotals else { return JSONResponse.make(shown) }
        return JSONResponse.make(
            TenantList(tenants: shown, start: page.window.offset, limit: page.perPage, total: managed.count))
    }

    func create(
        _ body: CreateTenantBody, _ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller
    ) async throws -> Response {
        try Self.requireControlPlane(caller)
        guard caller.token.grantType != "client-credentials", !caller.token.subject.hasSuffix("@clients") else {
            throw ManagementError(
                status: .forbidden, errorCode: "forbidden",
                message: "Tenants are created by signed-in users: use a user's token, not a client's.")
        }
        do {
            let (tenant, organization) = try await services.tenantProvisioner.create(
                name: body.name, displayName: body.displayName ?? body.name, creatorUserID: caller.token.subject,
                clientAddress: context.clientAddress, quota: caller.isPlatformStaff ? .unlimited : .perUser)
            return JSONResponse.make(try await entry(tenant, organization), status: .created)
        } catch let error as TenantCreationError {
            if case .provisioningFailed(let tenantID, let reason) = error {
                context.logger.error(
                    "tenant provisioning failed; left for reconcile",
                    metadata: ["tenant": "\(tenantID)", "reason": "\(reason)"])
            }
            throw ManagementError(error)
        }
    }

    /// `DELETE /api/v2/tenants/{id}` (the organization id from the listing, or the tenant id): for holders of
    /// `delete:tenants`, or members whose roles in the linked organization grant it.
    func delete(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Response
    {
        try Self.requireControlPlane(caller)
        let storage = services.storage
        let cp = ControlPlane.tenantID
        let reference = try context.parameters.require("id")
        var tenantID = reference
        if reference.hasPrefix("org_") {
            guard let organization = try await storage.organization(reference, tenantID: cp),
                let linked = organization.metadata["tenant_id"]
            else { throw ManagementError.tenantNotFound }
            tenantID = linked
        }
        guard tenantID != cp else {
            throw ManagementError(
                status: .forbidden, errorCode: "forbidden", message: TenantDeletionError.controlPlane.description)
        }
        guard let tenant = try await storage.tenant(tenantID) else { throw ManagementError.tenantNotFound }
        if !caller.token.hasPermission("delete:tenants") {
            var granted: [String] = []
            if let organizationID = tenant.organizationID {
                granted = try await storage.permissions(
                    userID: caller.token.subject, organizationID: organizationID, includeGlobal: false,
                    audience: BuiltInManagementAPI.identifier, tenantID: cp)
            }
            guard granted.contains("delete:tenants") else { throw ManagementError.insufficientScope("delete:tenants") }
        }
        try await services.tenantProvisioner.delete(tenantID: tenant.id, actor: caller.token.subject)
        return Response(status: .noContent)
    }

    /// `/api/v2/tenants` exists only at the control plane (through the host; `tenant-id` names a customer tenant).
    private static func requireControlPlane(_ caller: ManagementCaller) throws(ManagementError) {
        guard caller.target.id == ControlPlane.tenantID else {
            throw ManagementError.notFound("not_found", "/api/v2/tenants is served by the control plane only.")
        }
    }

    private func entry(_ tenant: Tenant, _ organization: Organization) async throws -> TenantEntry {
        let hosts = services.resolver.hosts
        let custom = try await services.storage.customDomains(tenantID: tenant.id).filter { $0.status == .verified }
        return TenantEntry(
            id: organization.id, tenantID: tenant.id, name: organization.name, displayName: organization.displayName,
            domains: ["\(tenant.id).\(hosts.baseHost)"] + custom.map(\.domain))
    }
}
