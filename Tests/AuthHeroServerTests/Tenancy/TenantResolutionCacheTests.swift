import AuthHeroCore
import AuthHeroSQLite
import AuthHeroTesting
import Foundation
import Testing

/// The resolver's ``TenantResolutionCache`` over real SQLite storage: a ready tenant and a verified domain are
/// remembered for their lifetime, an announcement drops them at once, and nothing unsettled is remembered.
@Suite struct TenantResolutionCacheTests {
    static let host = "auth.coffeeshop.test"

    /// Runs `body` with storage holding a ready tenant `alpha`, and a resolver over it whose cache lives 5 s.
    private static func withResolver(
        _ body: (TenantResolver, any AuthHeroStorage, ManualClock, InMemoryAccessInvalidation) async throws -> Void
    ) async throws {
        let folder = try TemporaryFolder(prefix: "authhero-resolution")
        defer { folder.remove() }
        let storage = try SQLiteStorage.open(path: folder.path("authhero.sqlite"))
        try storage.migrate()
        let clock = ManualClock(Date())
        try await storage.createTenant(
            Tenant(id: "alpha", friendlyName: "Alpha", provisioningState: .ready, createdAt: clock.now()))
        let invalidation = InMemoryAccessInvalidation()
        let resolver = TenantResolver(
            hosts: try PlatformHosts(baseURL: "http://localhost:3000/", development: true), tenants: storage,
            cache: TenantResolutionCache(clock: clock, invalidation: invalidation, lifetime: 5))
        try await body(resolver, storage, clock, invalidation)
    }

    private static func rename(_ storage: any AuthHeroStorage, to name: String) async throws {
        var tenant = try #require(try await storage.tenant("alpha"))
        tenant.friendlyName = name
        try await storage.updateTenant(tenant)
    }

    @Test func aReadyTenantIsRememberedForItsLifetimeAndDroppedByAnAnnouncement() async throws {
        try await Self.withResolver { resolver, storage, clock, invalidation in
            #expect(try await resolver.resolve(host: "alpha.localhost:3000").tenant.friendlyName == "Alpha")
            // A write nobody announced (another process whose notification was lost) shows after the lifetime.
            try await Self.rename(storage, to: "Renamed")
            #expect(try await resolver.resolve(host: "alpha.localhost:3000").tenant.friendlyName == "Alpha")
            clock.advance(by: 6)
            #expect(try await resolver.resolve(host: "alpha.localhost:3000").tenant.friendlyName == "Renamed")
            // An announced write shows at once.
            try await Self.rename(storage, to: "Announced")
            await invalidation.invalidate(tenant: "alpha")
            #expect(try await resolver.resolve(host: "alpha.localhost:3000").tenant.friendlyName == "Announced")
            // Another tenant's announcement leaves alpha's copy alone.
            try await Self.rename(storage, to: "Later")
            await invalidation.invalidate(tenant: "beta")
            #expect(try await resolver.resolve(host: "alpha.localhost:3000").tenant.friendlyName == "Announced")
        }
    }

    @Test func aTenantStillProvisioningIsReadEveryTime() async throws {
        try await Self.withResolver { resolver, storage, _, _ in
            try await storage.createTenant(Tenant(id: "beta", friendlyName: "Beta", createdAt: Date()))
            #expect(try await resolver.resolve(host: "beta.localhost:3000").tenant.provisioningState == .pending)
            var beta = try #require(try await storage.tenant("beta"))
            beta.provisioningState = .ready
            try await storage.updateTenant(beta)
            #expect(try await resolver.resolve(host: "beta.localhost:3000").tenant.provisioningState == .ready)
        }
    }

    @Test func anUnknownHostIsNotRememberedAndADeletedDomainStopsAtTheAnnouncement() async throws {
        try await Self.withResolver { resolver, storage, clock, invalidation in
            await #expect(throws: TenantResolutionError.unknownHost(Self.host)) {
                try await resolver.resolve(host: Self.host)
            }
            let domain = CustomDomain(
                domain: Self.host, tenantID: "alpha", verificationToken: "t", createdAt: clock.now())
            try await storage.addCustomDomain(domain, tenantID: "alpha")
            try await storage.markCustomDomainVerified(Self.host, tenantID: "alpha", at: clock.now())
            #expect(try await resolver.resolve(host: Self.host).issuer == "https://\(Self.host)/")

            #expect(try await storage.deleteCustomDomain(id: domain.id, tenantID: "alpha"))
            #expect(try await resolver.resolve(host: Self.host).tenant.id == "alpha")
            await invalidation.invalidate(tenant: "alpha")
            await #expect(throws: TenantResolutionError.unknownHost(Self.host)) {
                try await resolver.resolve(host: Self.host)
            }
        }
    }
}
