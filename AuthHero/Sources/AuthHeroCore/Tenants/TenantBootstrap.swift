import Foundation

/// Creates a tenant that can issue tokens right away: the tenant row (state `ready`) and its first RS256 key.
/// Customer tenants are provisioned by ``TenantProvisioner``, which adds the organization link and synced copies.
public struct TenantBootstrap: Sendable {
    private let storage: any TenantStore
    private let keys: SigningKeyService
    private let clock: any AuthHeroClock

    /// Creates the bootstrapper.
    public init(storage: any TenantStore, keys: SigningKeyService, clock: any AuthHeroClock) {
        self.storage = storage
        self.keys = keys
        self.clock = clock
    }

    /// Returns the tenant, creating it (and its signing key) when missing.
    @discardableResult
    public func ensureTenant(id: String, friendlyName: String, settings: TenantSettings = .init()) async throws
        -> Tenant
    {
        if let existing = try await storage.tenant(id) { return existing }
        let tenant = Tenant(
            id: id, friendlyName: friendlyName, settings: settings, provisioningState: .ready, createdAt: clock.now())
        try await storage.createTenant(tenant)
        try await keys.ensureCurrentKey(tenantID: id)
        return tenant
    }
}
