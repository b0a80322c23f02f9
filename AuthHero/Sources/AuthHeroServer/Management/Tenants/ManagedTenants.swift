import AuthHeroCore
import AuthHeroVerify

extension TenantRoutes {
    /// The caller's tenants with their organizations, ordered by tenant id: through memberships of linked
    /// organizations (the link must agree on both sides; two reads whatever the count), or all for staff; only
    /// those whose organization's name or display name contains `search` when given.
    func managedTenants(_ caller: ManagementCaller, search: String?) async throws -> [(Tenant, Organization)] {
        let managed =
            if caller.isPlatformStaff {
                try await everyTenant(search: search)
            } else {
                try await tenantsManaged(by: caller.token.subject, search: search)
            }
        return managed.sorted { $0.0.id < $1.0.id }
    }

    private func everyTenant(search: String?) async throws -> [(Tenant, Organization)] {
        let storage = services.storage
        let cp = ControlPlane.tenantID
        var matching: Set<String>?
        if let search {
            matching = Set(try await storage.organizations(containing: search, memberID: nil, tenantID: cp).map(\.id))
        }
        var managed: [(Tenant, Organization)] = []
        for tenant in try await storage.tenants() where tenant.id != cp {
            guard let organizationID = tenant.organizationID, matching?.contains(organizationID) ?? true,
                let organization = try await storage.organization(organizationID, tenantID: cp)
            else { continue }
            managed.append((tenant, organization))
        }
        return managed
    }

    private func tenantsManaged(by user: String, search: String?) async throws -> [(Tenant, Organization)] {
        let storage = services.storage
        let cp = ControlPlane.tenantID
        let organizations =
            if let search {
                try await storage.organizations(containing: search, memberID: user, tenantID: cp)
            } else {
                try await storage.organizations(ofUser: user, tenantID: cp)
            }
        let linkedIDs = organizations.compactMap { $0.metadata["tenant_id"] }
        let tenants = Dictionary(
            try await storage.tenants(ids: linkedIDs).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var managed: [(Tenant, Organization)] = []
        for organization in organizations {
            guard let tenantID = organization.metadata["tenant_id"], let tenant = tenants[tenantID],
                tenant.organizationID == organization.id
            else { continue }
            managed.append((tenant, organization))
        }
        return managed
    }
}
