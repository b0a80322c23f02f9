import Foundation

/// Creates customer tenants in two phases (ARCHITECTURE.md, "Provisioning is two-phase and self-healing"): one
/// control-plane transaction records the tenant (`pending`), its organization, the link and the creator's `admin`
/// membership; then tenant-side provisioning (signing key, built-in management API, database connection) marks
/// it `ready`. ``reconcile()`` finishes any tenant an interrupted process left `pending` or `failed`.
public struct TenantProvisioner: Sendable {
    /// The control-plane role every tenant creator holds in the tenant's organization.
    public static let adminRoleID = "rol_admin"
    /// The database connection every tenant starts with.
    public static let databaseConnection = "Username-Password-Authentication"

    private let storage: any AuthHeroStorage
    private let keys: SigningKeyService
    private let clock: any AuthHeroClock
    /// How many tenants one user may create.
    public let quotaPerUser: Int

    /// Creates the provisioner; `quotaPerUser` is the per-user tenant limit (default 10).
    public init(storage: any AuthHeroStorage, keys: SigningKeyService, clock: any AuthHeroClock, quotaPerUser: Int = 10)
    {
        self.storage = storage
        self.keys = keys
        self.clock = clock
        self.quotaPerUser = quotaPerUser
    }

    /// Creates tenant `name` for `creatorUserID` (a control-plane user) and provisions it; returns the tenant and
    /// its organization. Throws ``TenantCreationError`` for a bad, reserved or taken name or an exhausted quota.
    public func create(name: String, displayName: String, creatorUserID: String) async throws -> (Tenant, Organization)
    {
        guard TenantName.isValidLabel(name) else { throw TenantCreationError.invalidName(name) }
        guard !TenantName.reserved.contains(name) else { throw TenantCreationError.reservedName(name) }
        let created = try await storage.organizations(ofUser: creatorUserID, tenantID: ControlPlane.tenantID)
            .filter { $0.metadata["created_by"] == creatorUserID }
        guard created.count < quotaPerUser else { throw TenantCreationError.quotaExceeded(quotaPerUser) }
        guard try await storage.tenant(name) == nil else { throw TenantCreationError.nameTaken(name) }
        try await ensureControlPlaneAdminRole()
        let (tenant, organization) = try await record(name: name, displayName: displayName, creator: creatorUserID)
        return (try await provision(tenant), organization)
    }

    /// Phase one: everything in the control plane, in one transaction.
    private func record(name: String, displayName: String, creator: String) async throws -> (Tenant, Organization) {
        let now = clock.now()
        let cp = ControlPlane.tenantID
        let organization = Organization(
            tenantID: cp, id: RandomToken.identifier(prefix: "org_"), name: name, displayName: displayName,
            metadata: ["tenant_id": name, "created_by": creator], createdAt: now)
        let tenant = Tenant(
            id: name, friendlyName: displayName, provisioningState: .pending, organizationID: organization.id,
            createdAt: now)
        do {
            try await storage.transaction { transaction in
                try transaction.createTenant(tenant)
                try transaction.createOrganization(organization, tenantID: cp)
                try transaction.addMember(
                    OrganizationMembership(
                        tenantID: cp, organizationID: organization.id, userID: creator, createdAt: now),
                    tenantID: cp)
                try transaction.assignRole(
                    UserRole(tenantID: cp, userID: creator, roleID: Self.adminRoleID, organizationID: organization.id),
                    tenantID: cp)
                try transaction.append(
                    AuditEvent(tenantID: cp, occurredAt: now, actor: creator, action: "tenant.created", target: name),
                    tenantID: cp)
            }
        } catch StorageError.conflict {
            // Another request took the name between the check and the transaction.
            throw TenantCreationError.nameTaken(name)
        }
        return (tenant, organization)
    }

    /// Phase two, idempotent: what the tenant needs to sign users in and be managed, then `ready`.
    @discardableResult
    public func provision(_ tenant: Tenant) async throws -> Tenant {
        try await keys.ensureCurrentKey(tenantID: tenant.id)
        if try await storage.resourceServer(identifier: BuiltInManagementAPI.identifier, tenantID: tenant.id) == nil {
            try await storage.createResourceServer(
                BuiltInManagementAPI.resourceServer(tenantID: tenant.id), tenantID: tenant.id)
        }
        if try await !storage.connections(tenantID: tenant.id).contains(where: { $0.name == Self.databaseConnection }) {
            try await storage.createConnection(
                Connection(
                    tenantID: tenant.id, id: RandomToken.identifier(prefix: "con_"), name: Self.databaseConnection),
                tenantID: tenant.id)
        }
        var ready = tenant
        ready.provisioningState = .ready
        ready.updatedAt = clock.now()
        try await storage.updateTenant(ready)
        return ready
    }

    /// Finishes every tenant left `pending` or `failed` (run at start-up and on demand, e.g. from a CLI command);
    /// returns the ids it provisioned.
    @discardableResult
    public func reconcile() async throws -> [String] {
        var repaired: [String] = []
        for tenant in try await storage.tenants() where tenant.provisioningState != .ready {
            try await provision(tenant)
            repaired.append(tenant.id)
        }
        return repaired
    }

    /// Deletes customer tenant `tenantID` with every row it owns and its control-plane organization, after
    /// auditing the deletion in the control plane. The control plane itself can never be deleted.
    public func delete(tenantID: String, actor: String) async throws {
        guard tenantID != ControlPlane.tenantID else { throw TenantDeletionError.controlPlane }
        try await storage.append(
            AuditEvent(
                tenantID: ControlPlane.tenantID, occurredAt: clock.now(), actor: actor, action: "tenant.deleted",
                target: tenantID),
            tenantID: ControlPlane.tenantID)
        try await storage.deleteTenant(tenantID)
        keys.forget(tenantID: tenantID)
    }

    /// The control plane's `admin` role with every management permission but platform staff's, created once.
    private func ensureControlPlaneAdminRole() async throws {
        let cp = ControlPlane.tenantID
        guard try await storage.role(Self.adminRoleID, tenantID: cp) == nil else { return }
        try await storage.createRole(Role(tenantID: cp, id: Self.adminRoleID, name: "admin"), tenantID: cp)
        try await storage.addPermissions(
            BuiltInManagementAPI.scopes.map {
                RolePermission(
                    tenantID: cp, roleID: Self.adminRoleID, resourceServerIdentifier: BuiltInManagementAPI.identifier,
                    permissionName: $0)
            },
            tenantID: cp)
    }
}
