import AuthHeroCore
import AuthHeroSQLite
import Foundation
import GRDB
import Testing

@Suite struct CustomDomainStorageTests {
    private func domain(_ name: String, tenant: String, at date: Date) -> CustomDomain {
        CustomDomain(domain: name, tenantID: tenant, verificationToken: "token-\(tenant)", createdAt: date)
    }

    @Test func claimedDomainIsFoundByIDOnlyInItsTenant() async throws {
        let database = try await TemporaryStorage()
        let claimed = domain("auth.shop.com", tenant: "a", at: database.now)
        #expect(
            try await database.storage.claimCustomDomain(
                claimed, tenantID: "a", limit: 5, stalePendingBefore: database.now.addingTimeInterval(-60)))
        #expect(try await database.storage.customDomain(id: claimed.id, tenantID: "a") == claimed)
        #expect(try await database.storage.customDomain(id: claimed.id, tenantID: "b") == nil)
        #expect(claimed.id.hasPrefix("cd_") && claimed.id.count == 19)
    }

    @Test func recentPendingOrVerifiedClaimOfAnotherTenantIsAConflict() async throws {
        let database = try await TemporaryStorage()
        let stale = database.now.addingTimeInterval(-3600)
        _ = try await database.storage.claimCustomDomain(
            domain("auth.shop.com", tenant: "a", at: database.now), tenantID: "a", limit: 5, stalePendingBefore: stale)
        await #expect(throws: StorageError.self) {
            try await database.storage.claimCustomDomain(
                domain("auth.shop.com", tenant: "b", at: database.now), tenantID: "b", limit: 5,
                stalePendingBefore: stale)
        }
        try await database.storage.markCustomDomainVerified("auth.shop.com", tenantID: "a", at: database.now)
        // A verified domain stays taken however old it is.
        await #expect(throws: StorageError.self) {
            try await database.storage.claimCustomDomain(
                domain("auth.shop.com", tenant: "b", at: database.now), tenantID: "b", limit: 5,
                stalePendingBefore: database.now.addingTimeInterval(3600))
        }
        #expect(try await database.storage.verifiedCustomDomain(host: "auth.shop.com")?.tenantID == "a")
    }

    @Test func stalePendingClaimOfAnotherTenantIsReplaced() async throws {
        let database = try await TemporaryStorage()
        let old = domain("auth.shop.com", tenant: "a", at: database.now.addingTimeInterval(-10 * 86_400))
        _ = try await database.storage.claimCustomDomain(
            old, tenantID: "a", limit: 5, stalePendingBefore: database.now.addingTimeInterval(-20 * 86_400))
        let fresh = domain("auth.shop.com", tenant: "b", at: database.now)
        #expect(
            try await database.storage.claimCustomDomain(
                fresh, tenantID: "b", limit: 5, stalePendingBefore: database.now.addingTimeInterval(-7 * 86_400)))
        #expect(try await database.storage.customDomains(tenantID: "a").isEmpty)
        #expect(try await database.storage.customDomains(tenantID: "b") == [fresh])
    }

    @Test func claimBeyondTheLimitWritesNothing() async throws {
        let database = try await TemporaryStorage()
        let stale = database.now.addingTimeInterval(-60)
        for name in ["one.shop.com", "two.shop.com"] {
            #expect(
                try await database.storage.claimCustomDomain(
                    domain(name, tenant: "a", at: database.now), tenantID: "a", limit: 2, stalePendingBefore: stale))
        }
        #expect(
            !(try await database.storage.claimCustomDomain(
                domain("three.shop.com", tenant: "a", at: database.now), tenantID: "a", limit: 2,
                stalePendingBefore: stale)))
        #expect(
            try await database.storage.customDomains(tenantID: "a").map(\.domain) == ["one.shop.com", "two.shop.com"])
    }

    @Test func deleteRemovesOnlyTheTenantsOwnDomainAndStopsRouting() async throws {
        let database = try await TemporaryStorage()
        let claimed = domain("auth.shop.com", tenant: "a", at: database.now)
        _ = try await database.storage.claimCustomDomain(
            claimed, tenantID: "a", limit: 5, stalePendingBefore: database.now)
        try await database.storage.markCustomDomainVerified("auth.shop.com", tenantID: "a", at: database.now)
        #expect(!(try await database.storage.deleteCustomDomain(id: claimed.id, tenantID: "b")))
        #expect(try await database.storage.verifiedCustomDomain(host: "auth.shop.com") != nil)
        #expect(try await database.storage.deleteCustomDomain(id: claimed.id, tenantID: "a"))
        #expect(try await database.storage.verifiedCustomDomain(host: "auth.shop.com") == nil)
    }

    @Test func migrationGivesEarlierDomainsAnID() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "authhero-v6-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let queue = try DatabaseQueue(path: directory.appendingPathComponent("old.sqlite").path)
        try SchemaMigrations.migrator.migrate(queue, upTo: "v3_user_name")
        try await queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO tenants (id, friendly_name, settings, provisioning_state, created_at, updated_at)
                    VALUES ('a', 'A', '{}', 'ready', '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000');
                    INSERT INTO custom_domains (domain, tenant_id, status, verification_token, created_at)
                    VALUES ('auth.shop.com', 'a', 'verified', 't', '2026-01-01 00:00:00.000'),
                           ('login.shop.com', 'a', 'pending', 't', '2026-01-01 00:00:00.000');
                    """)
        }
        try SchemaMigrations.migrator.migrate(queue)
        let ids = try await queue.read { try String.fetchAll($0, sql: "SELECT id FROM custom_domains") }
        #expect(ids.count == 2 && Set(ids).count == 2)
        for id in ids {
            #expect(id.hasPrefix("cd_") && id.count == 19)
            #expect(id.dropFirst(3).allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
        }
    }
}
