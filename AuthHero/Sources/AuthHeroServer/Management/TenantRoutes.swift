import AuthHeroCore
import AuthHeroVerify
import Foundation
import Hummingbird
import Logging

/// `/api/v2/tenants` at the control plane (auth0-compat.md, "The /api/v2/tenants extension"): the tenants the
/// caller manages through its organization memberships (all of them for platform staff), and self-serve creation.
struct TenantRoutes {
    let services: AuthHeroServices

    func register(on group: RouterGroup<AuthHeroRequestContext>) {
        group.get("tenants") { request, context in
            let caller = try Self.controlPlaneCaller(context)
            let page = try ManagementPage(request)
            let search = request.uri.queryParameters["q"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
            let managed = try await managedTenants(caller, search: search)
            // Entries (with their custom domains) are built for the requested page only.
            var shown: [TenantEntry] = []
            for (tenant, organization) in page.slice(managed) { shown.append(try await entry(tenant, organization)) }
            guard page.includeTotals else { return JSONResponse.make(shown, headers: Self.noStore) }
            return JSONResponse.make(
                TenantList(tenants: shown, start: page.window.offset, limit: page.perPage, total: managed.count),
                headers: Self.noStore)
        }
        group.delete("tenants/:id") { _, context in
            let caller = try Self.controlPlaneCaller(context)
            return try await delete(caller, reference: try context.parameters.require("id"))
        }
        group.post("tenants") { request, context in
            let caller = try Self.controlPlaneCaller(context)
            guard caller.token.grantType != "client-credentials", !caller.token.subject.hasSuffix("@clients") else {
                throw ManagementError(
                    status: .forbidden, errorCode: "forbidden",
                    message: "Tenants are created by signed-in users: use a user's token, not a client's.")
            }
            let body = try await CreateTenantBody.decode(request)
            do {
                let (tenant, organization) = try await services.tenantProvisioner.create(
                    name: body.name, displayName: body.displayName ?? body.name, creatorUserID: caller.token.subject,
                    clientAddress: context.clientAddress,
                    exemptFromQuota: caller.token.hasPermission(BuiltInManagementAPI.platformStaffPermission))
                return JSONResponse.make(
                    try await entry(tenant, organization), status: .created, headers: Self.noStore)
            } catch let error as TenantCreationError {
                if case .provisioningFailed(let tenantID, let reason) = error {
                    context.logger.error(
                        "tenant provisioning failed; left for reconcile",
                        metadata: ["tenant": "\(tenantID)", "reason": "\(reason)"])
                }
                throw ManagementError(error)
            }
        }
    }

    /// `DELETE /api/v2/tenants/{id}` (the organization id from the listing, or the tenant id): for holders of
    /// `delete:tenants`, or members whose roles in the linked organization grant it.
    private func delete(_ caller: ManagementCaller, reference: String) async throws -> Response {
        let storage = services.storage
        let cp = ControlPlane.tenantID
        var tenantID = reference
        if reference.hasPrefix("org_") {
            guard let organization = try await storage.organization(reference, tenantID: cp),
                let linked = organization.metadata["tenant_id"]
            else { throw ManagementError.notFound("inexistent_tenant", "The tenant does not exist.") }
            tenantID = linked
        }
        guard tenantID != cp else {
            throw ManagementError(
                status: .forbidden, errorCode: "forbidden", message: TenantDeletionError.controlPlane.description)
        }
        guard let tenant = try await storage.tenant(tenantID) else {
            throw ManagementError.notFound("inexistent_tenant", "The tenant does not exist.")
        }
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
    private static func controlPlaneCaller(_ context: AuthHeroRequestContext) throws -> ManagementCaller {
        let caller = try context.requireManagement()
        guard caller.target.id == ControlPlane.tenantID else {
            throw ManagementError.notFound("not_found", "/api/v2/tenants is served by the control plane only.")
        }
        return caller
    }

    /// The caller's tenants with their organizations, ordered by tenant id: through memberships of linked
    /// organizations (the link must agree on both sides; two reads whatever the count), or all for staff; only
    /// those whose organization's name or display name contains `search` when given.
    private func managedTenants(_ caller: ManagementCaller, search: String?) async throws -> [(Tenant, Organization)] {
        let storage = services.storage
        let cp = ControlPlane.tenantID
        var managed: [(Tenant, Organization)] = []
        if caller.token.hasPermission(BuiltInManagementAPI.platformStaffPermission) {
            var matching: Set<String>?
            if let search {
                matching = Set(
                    try await storage.organizations(containing: search, memberID: nil, tenantID: cp).map(\.id))
            }
            for tenant in try await storage.tenants() where tenant.id != cp {
                guard let organizationID = tenant.organizationID, matching?.contains(organizationID) ?? true,
                    let organization = try await storage.organization(organizationID, tenantID: cp)
                else { continue }
                managed.append((tenant, organization))
            }
        } else {
            let user = caller.token.subject
            let organizations =
                if let search {
                    try await storage.organizations(containing: search, memberID: user, tenantID: cp)
                } else {
                    try await storage.organizations(ofUser: user, tenantID: cp)
                }
            let linkedIDs = organizations.compactMap { $0.metadata["tenant_id"] }
            let tenants = Dictionary(
                try await storage.tenants(ids: linkedIDs).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for organization in organizations {
                guard let tenantID = organization.metadata["tenant_id"], let tenant = tenants[tenantID],
                    tenant.organizationID == organization.id
                else { continue }
                managed.append((tenant, organization))
            }
        }
        return managed.sorted { $0.0.id < $1.0.id }
    }

    private func entry(_ tenant: Tenant, _ organization: Organization) async throws -> TenantEntry {
        let hosts = services.resolver.hosts
        let custom = try await services.storage.customDomains(tenantID: tenant.id).filter { $0.status == .verified }
        return TenantEntry(
            id: organization.id, tenantID: tenant.id, name: organization.name, displayName: organization.displayName,
            domains: ["\(tenant.id).\(hosts.baseHost)"] + custom.map(\.domain))
    }

    private static let noStore: HTTPFields = [.cacheControl: "no-store"]
}

/// The body of `POST /api/v2/tenants`.
private struct CreateTenantBody: Decodable {
    static let maximumSize = 16 * 1024

    let name: String
    let displayName: String?

    private enum CodingKeys: String, CodingKey {
        case name
        case displayName = "display_name"
    }

    /// Reads the JSON body; anything else is a 400 `invalid_body`.
    static func decode(_ request: Request) async throws -> CreateTenantBody {
        let invalid = ManagementError(
            status: .badRequest, errorCode: "invalid_body",
            message: "The body must be a JSON object {\"name\": string, \"display_name\": string}.")
        guard let buffer = try? await request.body.collect(upTo: maximumSize),
            let body = try? JSONDecoder().decode(CreateTenantBody.self, from: Data(buffer.readableBytesView))
        else { throw invalid }
        return body
    }
}

extension ManagementError {
    /// The Auth0-shaped refusal of a tenant creation.
    init(_ error: TenantCreationError) {
        switch error {
        case .invalidName, .reservedName:
            self.init(status: .badRequest, errorCode: "invalid_body", message: error.description)
        case .nameTaken, .nameQuarantined:
            self.init(status: .conflict, errorCode: "tenant_conflict", message: error.description)
        case .quotaExceeded:
            self.init(status: .tooManyRequests, errorCode: "too_many_tenants", message: error.description)
        case .tooManyPending:
            self.init(status: .tooManyRequests, errorCode: "too_many_pending_tenants", message: error.description)
        case .unknownCreator:
            self.init(status: .forbidden, errorCode: "unknown_user", message: error.description)
        case .provisioningFailed:
            // The tenant is recorded and left `failed`; reconcile finishes it, so this is temporary, not a 500.
            self.init(
                status: .serviceUnavailable, errorCode: "tenant_provisioning_failed", message: error.description)
        }
    }
}
