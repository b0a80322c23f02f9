import Foundation

/// Remembers, for a few seconds, what resolving a host reads: a ready tenant by id, and a verified custom domain by
/// host, so a request costs no storage read before its route runs.
///
/// Only settled answers are remembered: a tenant still being provisioned (or failed), an unknown tenant and an
/// unknown host are read again every time, so a tenant is served the moment it is ready and a random host fills
/// nothing. Fresh: an entry lives `lifetime` seconds of `clock`, and the ``AccessInvalidation`` announcement made
/// after a tenant's settings or custom domains change, or the tenant is deleted, drops its entries at once: a change
/// made in this process applies to the next request, and one made in another process when its announcement arrives,
/// within `lifetime` if it is lost. Bounded: at most `capacity` tenants and as many domains (``ExpiringCache``).
public final class TenantResolutionCache: Sendable {
    private let tenants: ExpiringCache<String, Tenant>
    private let domains: ExpiringCache<String, CustomDomain>

    /// How many tenants (and how many custom domains) are remembered by default.
    public static let defaultCapacity = 10_000

    /// Creates a cache that forgets a tenant as soon as `invalidation` announces a change to it.
    public init(
        clock: any AuthHeroClock, invalidation: any AccessInvalidation,
        lifetime: TimeInterval = LiveAccessCache.defaultLifetime, capacity: Int = TenantResolutionCache.defaultCapacity
    ) {
        let tenants = ExpiringCache<String, Tenant>(clock: clock, lifetime: lifetime, capacity: capacity)
        let domains = ExpiringCache<String, CustomDomain>(clock: clock, lifetime: lifetime, capacity: capacity)
        self.tenants = tenants
        self.domains = domains
        invalidation.observe { subject in
            guard case .tenant(let tenantID) = subject else { return }
            tenants.forget { id, _ in id == tenantID }
            domains.forget { _, domain in domain.tenantID == tenantID }
        }
    }

    /// The ready tenant `id`, remembered or read with `load`.
    func tenant(_ id: String, load: () async throws -> Tenant?) async throws -> Tenant? {
        try await tenants.value(id, keep: { $0.provisioningState == .ready }, load: load)
    }

    /// The verified custom domain at `host`, remembered or read with `load`.
    func verifiedDomain(_ host: String, load: () async throws -> CustomDomain?) async throws -> CustomDomain? {
        try await domains.value(host, load: load)
    }
}
