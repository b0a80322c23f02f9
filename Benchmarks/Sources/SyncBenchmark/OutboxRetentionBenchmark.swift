import AuthHeroCore
import AuthHeroSQLite
import AuthHeroTesting
import Foundation

/// Continuous sync for 30 simulated days (a manual clock; one pass per simulated hour, `changesPerHour` role
/// changes recorded and processed before it) with the runtime's retention pass after each hour, against the same
/// run without retention: how many outbox rows are left. With the default 7 days the table holds at most about a
/// week of changes, whatever the run's length; without it, it grows by every change.
struct OutboxRetentionBenchmark {
    let changesPerHour: Int
    let days: Int

    /// The outbox's largest and final row counts with retention, and its final count without.
    func run() async throws -> (maximum: Int, final: Int, withoutRetention: Int) {
        var maximum = 0
        var final = 0
        var without = 0
        for prunes in [true, false] {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("outbox-benchmark-\(UUID())")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let storage = try SQLiteStorage.open(path: directory.appendingPathComponent("bench.sqlite").path)
            try storage.migrate()
            let clock = ManualClock()
            let cp = ControlPlane.tenantID
            for id in [cp, "tenant-a", "tenant-b"] {
                try await storage.createTenant(
                    Tenant(id: id, friendlyName: id, provisioningState: .ready, createdAt: clock.now()))
            }
            try await storage.createRole(Role(tenantID: cp, id: "rol_bench", name: "editor"), tenantID: cp)
            let sync = ControlPlaneSync(storage: storage, multiTenancy: MultiTenancyPlugin(), clock: clock)
            let pruner = RetentionPruner(
                storage: storage, policy: RetentionPolicy(), clock: clock, outboxMaxAttempts: sync.maxAttempts)
            for _ in 0..<(days * 24) {
                for _ in 0..<changesPerHour { try await sync.record(.roleSaved(id: "rol_bench")) }
                try await sync.processPending()
                if prunes { try await pruner.prune() }
                let rows = try await storage.outboxEntries().count
                if prunes { maximum = max(maximum, rows) }
                clock.advance(by: 3_600)
            }
            let rows = try await storage.outboxEntries().count
            if prunes { final = rows } else { without = rows }
        }
        return (maximum, final, without)
    }
}
