import AuthHeroCore
import AuthHeroSQLite
import Foundation
import Testing

/// Reading the audit log: filters, windows with totals, checkpoints after an id, and single entries, each within
/// its tenant only.
@Suite struct AuditStorageTests {
    /// Appends `a1`..`a4` to tenant `a` (actors alternate) and `b1` to tenant `b`, interleaved.
    private static func seeded() async throws -> TemporaryStorage {
        let database = try await TemporaryStorage()
        for (index, (tenant, target)) in [("a", "a1"), ("b", "b1"), ("a", "a2"), ("a", "a3"), ("a", "a4")].enumerated()
        {
            try await database.storage.append(
                AuditEvent(
                    tenantID: tenant, occurredAt: database.now + TimeInterval(index),
                    actor: index.isMultiple(of: 2) ? "auth0|even" : "auth0|odd",
                    action: target == "a4" ? "key.rotated" : "user.updated", target: target, details: ["n": "\(index)"]),
                tenantID: tenant)
        }
        return database
    }

    @Test func windowsAreNewestFirstWithTheTotalOfTheFilter() async throws {
        let database = try await Self.seeded()
        let all = try await database.storage.auditEntries(
            AuditFilter(), window: ListWindow(offset: 0, limit: 2), tenantID: "a")
        #expect(all.items.map(\.event.target) == ["a4", "a3"])
        #expect(all.total == 4)
        let even = try await database.storage.auditEntries(
            AuditFilter(actor: "auth0|even"), window: ListWindow(offset: 0, limit: 10), tenantID: "a")
        #expect(even.items.map(\.event.target) == ["a4", "a2", "a1"])
        #expect(even.items.first?.event.details == ["n": "4"])
        let rotated = try await database.storage.auditEntries(
            AuditFilter(action: "key.rotated"), window: ListWindow(offset: 0, limit: 10), tenantID: "a")
        #expect(rotated.items.map(\.event.target) == ["a4"])
        #expect(rotated.total == 1)
    }

    @Test func checkpointsReadOldestFirstAfterTheGivenId() async throws {
        let database = try await Self.seeded()
        let head = try await database.storage.auditEntries(AuditFilter(), after: nil, take: 2, tenantID: "a")
        #expect(head.map(\.event.target) == ["a1", "a2"])
        let rest = try await database.storage.auditEntries(AuditFilter(), after: head.last?.id, take: 10, tenantID: "a")
        #expect(rest.map(\.event.target) == ["a3", "a4"])
        #expect(
            try await database.storage.auditEntries(AuditFilter(), after: rest.last?.id, take: 10, tenantID: "a")
                .isEmpty)
    }

    @Test func anEntryIsFoundOnlyInItsOwnTenant() async throws {
        let database = try await Self.seeded()
        let b = try #require(
            try await database.storage.auditEntries(AuditFilter(), after: nil, take: 1, tenantID: "b").first)
        #expect(try await database.storage.auditEntry(id: b.id, tenantID: "b")?.event.target == "b1")
        #expect(try await database.storage.auditEntry(id: b.id, tenantID: "a") == nil)
    }
}
