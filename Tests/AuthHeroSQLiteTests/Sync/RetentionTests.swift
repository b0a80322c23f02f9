import AuthHeroCore
import AuthHeroSQLite
import AuthHeroTesting
import Foundation
import Testing

/// Retention: processed outbox entries go after their age, pending ones never (unless they used up their attempts),
/// and audit entries go per tenant after theirs, on both layouts.
@Suite struct RetentionTests {
    private static let day: TimeInterval = 86_400

    private static func pruner(_ fixture: SyncFixture) -> RetentionPruner {
        RetentionPruner(
            storage: fixture.storage, policy: RetentionPolicy(), clock: fixture.clock,
            outboxMaxAttempts: fixture.sync.maxAttempts)
    }

    @Test(arguments: [StorageLayout.shared, .databasePerTenant])
    func processedOutboxEntriesGoAfterSevenDaysPendingOnesStay(layout: StorageLayout) async throws {
        let fixture = try await SyncFixture(layout: layout)
        let role = try await fixture.createRole("editor")
        try await fixture.sync.processPending()
        fixture.clock.advance(by: 6 * Self.day)
        try await fixture.sync.record(.roleSaved(id: role.id))
        try await fixture.sync.processPending()
        let pending = try await fixture.storage.enqueueOutbox(.roleSaved(id: role.id), at: fixture.clock.now())
        #expect(try await fixture.storage.outboxEntries().count == 3)

        fixture.clock.advance(by: 1 * Self.day + 1)
        let summary = try await Self.pruner(fixture).prune()
        #expect(summary.outboxEntries == 1, "only the entry processed more than 7 days ago")
        let left = try await fixture.storage.outboxEntries()
        #expect(left.count == 2)
        #expect(left.contains { $0.id == pending.id && $0.processedAt == nil }, "a pending entry is never pruned")

        fixture.clock.advance(by: 30 * Self.day)
        try await Self.pruner(fixture).prune()
        #expect(try await fixture.storage.outboxEntries().map(\.id) == [pending.id])
    }

    @Test func anEntryThatUsedUpItsAttemptsGoesAfterItsAge() async throws {
        let fixture = try await SyncFixture()
        let entry = try await fixture.storage.enqueueOutbox(.roleSaved(id: "rol_x"), at: fixture.clock.now())
        let id = try #require(entry.id)
        for _ in 0..<fixture.sync.maxAttempts { try await fixture.storage.markOutboxFailed(id, error: "b: refused") }
        fixture.clock.advance(by: 7 * Self.day + 1)
        #expect(try await Self.pruner(fixture).prune().outboxEntries == 1)
        #expect(try await fixture.storage.outboxEntries().isEmpty)
    }

    @Test(arguments: [StorageLayout.shared, .databasePerTenant])
    func auditEntriesGoAfterNinetyDaysInEveryTenant(layout: StorageLayout) async throws {
        let fixture = try await SyncFixture(layout: layout)
        let start = fixture.clock.now()
        for tenantID in [SyncFixture.cp, "a", "b"] {
            for (age, action) in [(91.0, "old"), (89.0, "recent")] {
                try await fixture.storage.append(
                    AuditEvent(
                        tenantID: tenantID, occurredAt: start.addingTimeInterval(-age * Self.day), actor: "x",
                        action: action, target: tenantID),
                    tenantID: tenantID)
            }
        }
        let summary = try await Self.pruner(fixture).prune()
        #expect(summary.auditEntries == 3)
        #expect(summary.failedTenants.isEmpty)
        for tenantID in [SyncFixture.cp, "a", "b"] {
            let actions = try await fixture.storage.events(tenantID: tenantID, limit: 10).map(\.action)
            #expect(actions == ["recent"], "tenant \(tenantID)")
        }
        #expect(try await Self.pruner(fixture).prune() == RetentionSummary(), "a second pass deletes nothing")
    }
}
