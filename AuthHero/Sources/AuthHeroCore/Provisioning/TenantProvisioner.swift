import Foundation

/// Creates customer tenants in two phases: one
/// control-plane transaction records the tenant (`pending`), its organization, the link and the creator's
/// membership with the plugin's creator role; then tenant-side provisioning (signing key, built-in management API,
/// database connection, the tenant-created hook that copies the control plane's syncable set) marks it `ready`.
/// ``reconcile()`` finishes any tenant an interrupted process left `pending` or `failed` and repairs sync.
///
/// A new tenant gets no client: every application is specific to its owner (callbacks, origins), and an unused
/// confidential client would be a credential nobody owns. The control plane's organization token manages the tenant
/// until its owner registers applications.
public struct TenantProvisioner: Sendable {
    /// The control-plane role id tenant creators get by default (``MultiTenancyPlugin/creatorRoleID``).
    public static let adminRoleID = "rol_admin"
    /// The database connection every tenant starts with.
    public static let databaseConnection = "Username-Password-Authentication"

    private let storage: any AuthHeroStorage
    private let keys: SigningKeyService
    private let clock: any AuthHeroClock
    private let multiTenancy: MultiTenancyPlugin
    /// Copies control-plane records into tenants, in turn with the outbox processor.
    public let sync: ControlPlaneSync
    private let gate: ProvisioningGate

    /// Creates the provisioner with the platform's multi-tenancy choices; `sync` is the process's outbox processor
    /// (one is made when nil, for tools that only provision); `limits` bound the creations in progress.
    public init(
        storage: any AuthHeroStorage, keys: SigningKeyService, clock: any AuthHeroClock,
        multiTenancy: MultiTenancyPlugin = MultiTenancyPlugin(), sync: ControlPlaneSync? = nil,
        limits: ProvisioningLimits = ProvisioningLimits()
    ) {
        self.gate = ProvisioningGate(limits: limits)
        self.storage = storage
        self.keys = keys
        self.clock = clock
        self.multiTenancy = multiTenancy
        self.sync = sync ?? ControlPlaneSync(storage: storage, multiTenancy: multiTenancy, clock: clock)
    }

    /// How many tenants one user may create.
    public var quotaPerUser: Int { multiTenancy.tenantQuotaPerUser }

    /// Creates tenant `name` for `creatorUserID` (a control-plane user) and provisions it; returns the tenant and
    /// its organization. Throws ``TenantCreationError`` for a bad, reserved, taken or quarantined name, an exhausted
    /// quota, or a recorded tenant whose provisioning failed (left `failed` for reconcile), or `tooManyPending` when
    /// `clientAddress` (or the process) already has its share of creations in progress. `quota` says whether the
    /// per-user quota binds this creation.
    public func create(
        name: String, displayName: String, creatorUserID: String, clientAddress: String = "local",
        quota: TenantQuota = .perUser
    ) async throws -> (Tenant, Organization) {
        try await gate.run(from: clientAddress) {
            try await createAdmitted(name: name, displayName: displayName, creatorUserID: creatorUserID, quota: quota)
        }
    }

    private func createAdmitted(name: String, displayName: String, creatorUserID: String, quota: TenantQuota)
        async throws -> (Tenant, Organization)
    {
        guard TenantName.isValidLabel(name) else { throw TenantCreationError.invalidName(name) }
        guard !multiTenancy.reservedTenantNames.contains(name) else { throw TenantCreationError.reservedName(name) }
        if quota == .perUser {
            let created = try await storage.organizations(ofUser: creatorUserID, tenantID: ControlPlane.tenantID)
                .filter { $0.metadata["created_by"] == creatorUserID }
            guard created.count < quotaPerUser else { throw TenantCreationError.quotaExceeded(quotaPerUser) }
        }
        guard try await storage.tenant(name) == nil else { throw TenantCreationError.nameTaken(name) }
        if let until = try await storage.tenantNameQuarantine(name, at: clock.now()) {
            throw TenantCreationError.nameQuarantined(name, until: until)
        }
        // Checked here, not left to the membership's foreign key: that failure would read as "name taken".
        guard try await storage.user(creatorUserID, tenantID: ControlPlane.tenantID) != nil else {
            throw TenantCreationError.unknownCreator
        }
        try await ensureCreatorRole()
        let (tenant, organization) = try await record(name: name, displayName: displayName, creator: creatorUserID)
        do {
            return (try await provision(tenant), organization)
        } catch {
            var failed = tenant
            failed.provisioningState = .failed
            failed.updatedAt = clock.now()
            // Best effort: a tenant still `pending` is reconciled just the same.
            try? await storage.updateTenant(failed)
            throw TenantCreationError.provisioningFailed(tenantID: tenant.id, reason: String(describing: error))
        }
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
        let creatorRoleID = multiTenancy.creatorRoleID
        do {
            try await storage.transaction { transaction in
                try transaction.createTenant(tenant)
                try transaction.createOrganization(organization, tenantID: cp)
                try transaction.addMember(
                    OrganizationMembership(
                        tenantID: cp, organizationID: organization.id, userID: creator, createdAt: now),
                    tenantID: cp)
                try transaction.assignRole(
                    UserRole(tenantID: cp, userID: creator, roleID: creatorRoleID, organizationID: organization.id),
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

    /// Phase two, idempotent: what the tenant needs to sign users in and be managed, its synced copies, then
    /// `ready`.
    @discardableResult
    public func provision(_ tenant: Tenant) async throws -> Tenant {
        try await keys.ensureCurrentKey(tenantID: tenant.id)
        try await BuiltInManagementAPI.ensureCurrent(in: storage, tenantID: tenant.id)
        if try await !storage.connections(tenantID: tenant.id).contains(where: { $0.name == Self.databaseConnection }) {
            try await storage.createConnection(
                Connection(
                    tenantID: tenant.id, id: RandomToken.identifier(prefix: "con_"), name: Self.databaseConnection),
                tenantID: tenant.id)
        }
        try await sync.copyControlPlane(to: tenant)
        var ready = tenant
        ready.provisioningState = .ready
        ready.updatedAt = clock.now()
        try await storage.updateTenant(ready)
        return ready
    }

    /// The repair pass, run at start-up and on demand (e.g. a `sync` CLI command): repairs tenants' own databases
    /// (a missing or unprovisioned file sends its tenant back to `pending`), provisions every tenant left
    /// `pending` or `failed` (one failing does not stop the others; it is left `failed`), processes the outbox, then
    /// runs a full sync so every customer tenant's copies equal the control plane's syncable set, which repairs a
    /// change lost by a crash between a write and its outbox entry.
    @discardableResult
    public func reconcile() async throws -> ReconcileSummary {
        var summary = ReconcileSummary()
        summary.repairedDatabases = try await storage.repairTenantDatabases()
        for tenant in try await storage.tenants() where tenant.provisioningState != .ready {
            do {
                try await provision(tenant)
                summary.provisioned.append(tenant.id)
            } catch {
                summary.failed.append(SyncFailure(tenantID: tenant.id, message: String(describing: error)))
                var failed = tenant
                failed.provisioningState = .failed
                failed.updatedAt = clock.now()
                try await storage.updateTenant(failed)
            }
        }
        summary.outbox = try await sync.processPending()
        summary.fullSync = try await sync.synchronizeAll()
        return summary
    }

    /// Deletes customer tenant `tenantID` with every row it owns and its control-plane organization, after the
    /// tenant-deleted hook and after auditing the deletion in the control plane. The control plane itself can never
    /// be deleted.
    public func delete(tenantID: String, actor: String) async throws {
        guard tenantID != ControlPlane.tenantID else { throw TenantDeletionError.controlPlane }
        if let tenant = try await storage.tenant(tenantID) {
            try await multiTenancy.hooks.tenantDeleted(
                TenantDeletion(tenant: tenant, actor: actor), TenantHandle(tenant: tenant, storage: storage))
        }
        let now = clock.now()
        try await storage.append(
            AuditEvent(
                tenantID: ControlPlane.tenantID, occurredAt: now, actor: actor, action: "tenant.deleted",
                target: tenantID),
            tenantID: ControlPlane.tenantID)
        // Held before the rows go: a crash in between leaves a held name, never a free one.
        try await storage.quarantineTenantName(
            tenantID, until: now.addingTimeInterval(multiTenancy.deletedNameQuarantine.timeInterval))
        try await storage.deleteTenant(tenantID)
        keys.forget(tenantID: tenantID)
        await sync.invalidation?.invalidate(tenant: tenantID)
    }

    /// The creator role in the control plane. The default `rol_admin` is created once, named `admin`, with the
    /// management permissions to run a tenant (``BuiltInManagementAPI/tenantAdministrationScopes``); a custom ``MultiTenancyPlugin/creatorRoleID`` names a role the
    /// project seeds itself, created the same way when it is missing.
    private func ensureCreatorRole() async throws {
        let cp = ControlPlane.tenantID
        let roleID = multiTenancy.creatorRoleID
        guard try await storage.role(roleID, tenantID: cp) == nil else { return }
        try await storage.createRole(Role(tenantID: cp, id: roleID, name: "admin"), tenantID: cp)
        try await storage.addPermissions(
            BuiltInManagementAPI.tenantAdministrationScopes.map {
                RolePermission(
                    tenantID: cp, roleID: roleID, resourceServerIdentifier: BuiltInManagementAPI.identifier,
                    permissionName: $0)
            },
            tenantID: cp)
        try await sync.record(.roleSaved(id: roleID))
    }
}
