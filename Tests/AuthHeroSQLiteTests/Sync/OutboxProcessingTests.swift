import AuthHeroCore
import AuthHeroSQLite
import Foundation
import Testing

/// The outbox: idempotent processing, retries counted per entry, one failing tenant never blocking the others.
@Suite struct OutboxProcessingTests {
    private static let api = "https://api.example.com"

    @Test func processingTwiceChangesNothing() async throws {
        let fixture = try await SyncFixture()
        try await fixture.createAPI(Self.api)
        let role = try await fixture.createRole("editor", permissions: [(Self.api, "read:data")])
        try await fixture.sync.processPending()
        let before = try await fixture.storage.syncedCopies(tenantID: "a")

        #expect(try await fixture.sync.processPending().processed == 0, "done entries are not processed again")
        try await fixture.sync.record(.resourceServerSaved(identifier: Self.api))
        try await fixture.sync.record(.roleSaved(id: role.id))
        try await fixture.sync.record(.roleSaved(id: role.id))
        #expect(try await fixture.sync.processPending().processed == 3)
        #expect(try await fixture.storage.syncedCopies(tenantID: "a") == before, "same copies, same ids")
        #expect(try await fixture.sync.synchronizeAll().repairs == 0)
        #expect(try await fixture.storage.outboxEntries().allSatisfy { $0.processedAt != nil && $0.attempts == 0 })
    }

    @Test func failingTenantIsRetriedAndDoesNotBlockTheOthers() async throws {
        let fixture = try await SyncFixture()
        // Tenant b owns an API with the synced identifier, so the copy cannot be written there.
        try await fixture.storage.createResourceServer(
            ResourceServer(tenantID: "b", id: "rs_own", identifier: Self.api, name: "B's own"), tenantID: "b")
        try await fixture.createAPI(Self.api)

        let first = try await fixture.sync.processPending()
        #expect(first.processed == 0)
        #expect(first.failed == 1)
        #expect(first.failures.map(\.tenantID) == ["b"])
        #expect(try await fixture.syncedAPIs("a") == [Self.api], "tenant a got the change in the same pass")
        var entry = try #require(try await fixture.storage.outboxEntries().first)
        #expect(entry.attempts == 1)
        #expect(entry.processedAt == nil)
        #expect(entry.lastError?.hasPrefix("b: ") == true)

        try await fixture.sync.processPending()
        entry = try #require(try await fixture.storage.outboxEntries().first)
        #expect(entry.attempts == 2)

        try await fixture.execute("DELETE FROM resource_servers WHERE tenant_id = 'b' AND id = 'rs_own'")
        let retried = try await fixture.sync.processPending()
        #expect(retried.processed == 1)
        #expect(try await fixture.syncedAPIs("b") == [Self.api])
        entry = try #require(try await fixture.storage.outboxEntries().first)
        #expect(entry.processedAt != nil)
        #expect(entry.attempts == 2)
    }

    @Test func entryOutOfAttemptsIsLeftForReconcile() async throws {
        let fixture = try await SyncFixture()
        try await fixture.storage.createResourceServer(
            ResourceServer(tenantID: "b", id: "rs_own", identifier: Self.api, name: "B's own"), tenantID: "b")
        try await fixture.createAPI(Self.api)
        for _ in 0..<fixture.sync.maxAttempts { try await fixture.sync.processPending() }
        let exhausted = try await fixture.sync.processPending()
        #expect(exhausted.processed == 0)
        #expect(exhausted.failed == 0, "an entry out of attempts is no longer claimed")
        #expect(try await fixture.storage.outboxEntries().first?.attempts == fixture.sync.maxAttempts)

        try await fixture.execute("DELETE FROM resource_servers WHERE tenant_id = 'b' AND id = 'rs_own'")
        let summary = try await fixture.provisioner.reconcile()
        #expect(summary.fullSync.failures.isEmpty)
        #expect(summary.fullSync.repairs > 0)
        #expect(try await fixture.syncedAPIs("b") == [Self.api])
    }

    @Test(.timeLimit(.minutes(10))) func runProcessesRecordedChangesOutOfTheRequest() async throws {
        let fixture = try await SyncFixture()
        let runner = Task { await fixture.sync.run() }
        defer { runner.cancel() }
        try await fixture.createAPI(Self.api)
        // Wait for the background pass by its effect, not by time: poll the outbox until the entry is settled.
        while try await fixture.storage.outboxEntries().first?.processedAt == nil {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(try await fixture.syncedAPIs("a") == [Self.api])
    }

    @Test func customHooksRunForEveryTargetTenant() async throws {
        let seen = Seen()
        var plugin = MultiTenancyPlugin()
        plugin.hooks.resourceServerSaved = { write, tenant in
            try await MultiTenancyHooks.saveResourceServerCopy(write, tenant)
            seen.add("\(tenant.id) \(write.resourceServer?.identifier ?? "-")")
        }
        let fixture = try await SyncFixture(multiTenancy: plugin)
        try await fixture.createAPI(Self.api)
        try await fixture.sync.processPending()
        #expect(seen.values.sorted() == ["a \(Self.api)", "b \(Self.api)"])
        #expect(try await fixture.syncedAPIs("b") == [Self.api])
    }
}

/// Strings collected from hooks running in the processor.
private final class Seen: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [String] = []

    func add(_ value: String) { lock.withLock { collected.append(value) } }
    var values: [String] { lock.withLock { collected } }
}
