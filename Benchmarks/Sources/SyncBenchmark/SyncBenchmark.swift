import AuthHeroCore
import AuthHeroSQLite
import Foundation

/// `sync-benchmark`: seeds 10, 1,000 and 10,000 customer tenants directly through storage (tenant rows only: sync
/// and resolution need no keys), then prints how long the outbox takes to fan one new resource server and one role
/// out to every tenant, how long a full sync pass with nothing to repair takes, tenant resolution latency, and the
/// `/api/v2/tenants` figures of ``TenantAPIBenchmark``, and how many outbox rows continuous sync leaves with and
/// without retention (``OutboxRetentionBenchmark``).
/// Figures only; nothing here is asserted.
@main
enum SyncBenchmark {
    static func main() async throws {
        var resolution: [Int: Double] = [:]
        for count in [10, 1_000, 10_000] {
            let run = try await BenchmarkRun(tenants: count)
            let server = try await run.measure { try await run.createAPIAndSync() }
            let role = try await run.measure { try await run.createRoleAndSync() }
            let full = try await run.measure { try await run.fullSync() }
            let median = try await run.medianResolutionMicroseconds(samples: 5_000)
            resolution[count] = median
            let api = try await TenantAPIBenchmark(run: run)
            let creation = try await api.medianCreation(samples: 5)
            let listing = try await api.medianListing(samples: 20)
            print(
                """
                tenants: \(count)
                  sync one new resource server to all: \(format(server)) s (\(Int(Double(count) / server)) tenants/s)
                  sync one new role (with a permission) to all: \(format(role)) s
                  full sync pass, nothing to repair: \(format(full)) s
                  tenant resolution (subdomain), median of 5,000: \(format(median)) µs
                  POST /api/v2/tenants (in-process router), median of 5: \(format(creation * 1_000)) ms
                  GET /api/v2/tenants?per_page=50 for a member of \(listing.total) organizations, median of 20: \(format(listing.seconds * 1_000)) ms
                """)
            run.remove()
        }
        if let small = resolution[10], let large = resolution[10_000] {
            print("resolution ratio 10,000 vs 10 tenants: \(format(large / small)) (goal ≤ 1.2)")
        }
        let outbox = try await OutboxRetentionBenchmark(changesPerHour: 20, days: 30).run()
        print(
            """
            outbox under continuous sync, 20 changes an hour for 30 simulated days (retention: 7 days):
              rows with retention, largest / at the end: \(outbox.maximum) / \(outbox.final)
              rows without retention at the end: \(outbox.withoutRetention)
            """)
    }

    static func format(_ value: Double) -> String { String(format: "%.3f", value) }
}

/// One migrated SQLite file with `tenants` ready customer tenants, and the sync and resolver over it.
struct BenchmarkRun: Sendable {
    let directory: URL
    let storage: SQLiteStorage
    let sync: ControlPlaneSync
    let resolver: TenantResolver
    let tenantCount: Int

    init(tenants: Int) async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sync-benchmark-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        storage = try SQLiteStorage.open(path: directory.appendingPathComponent("bench.sqlite").path)
        try storage.migrate()
        tenantCount = tenants
        let now = Date()
        try await storage.transaction { transaction in
            try transaction.createTenant(
                Tenant(id: ControlPlane.tenantID, friendlyName: "CP", provisioningState: .ready, createdAt: now))
            for index in 0..<tenants {
                try transaction.createTenant(
                    Tenant(id: Self.tenantID(index), friendlyName: "T", provisioningState: .ready, createdAt: now))
            }
        }
        sync = ControlPlaneSync(storage: storage, multiTenancy: MultiTenancyPlugin())
        resolver = TenantResolver(
            hosts: try PlatformHosts(baseURL: "http://localhost:3000/", development: true), tenants: storage)
    }

    static func tenantID(_ index: Int) -> String { "tenant-\(index)" }

    func createAPIAndSync() async throws {
        try await storage.createResourceServer(
            ResourceServer(
                tenantID: ControlPlane.tenantID, id: "rs_bench", identifier: "https://api.example.com", name: "API",
                scopes: [ResourceServerScope(value: "read:data"), ResourceServerScope(value: "write:data")]),
            tenantID: ControlPlane.tenantID)
        try await sync.record(.resourceServerSaved(identifier: "https://api.example.com"))
        try await processAll()
    }

    func createRoleAndSync() async throws {
        let cp = ControlPlane.tenantID
        try await storage.createRole(Role(tenantID: cp, id: "rol_bench", name: "editor"), tenantID: cp)
        try await storage.addPermissions(
            [
                RolePermission(
                    tenantID: cp, roleID: "rol_bench", resourceServerIdentifier: "https://api.example.com",
                    permissionName: "read:data")
            ], tenantID: cp)
        try await sync.record(.roleSaved(id: "rol_bench"))
        try await processAll()
    }

    func fullSync() async throws {
        let summary = try await sync.synchronizeAll()
        guard summary.repairs == 0, summary.tenants == tenantCount else {
            throw BenchmarkFailure("full sync should find nothing to repair: \(summary)")
        }
    }

    func medianResolutionMicroseconds(samples: Int) async throws -> Double {
        let clock = ContinuousClock()
        var durations: [Double] = []
        for sample in 0..<samples {
            let host = "\(Self.tenantID((sample * 7_919) % tenantCount)).localhost:3000"
            let start = clock.now
            _ = try await resolver.resolve(host: host)
            durations.append(Self.seconds(clock.now - start) * 1e6)
        }
        return durations.sorted()[samples / 2]
    }

    /// Seconds `work` takes.
    func measure(_ work: @Sendable () async throws -> Void) async throws -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        try await work()
        return Self.seconds(clock.now - start)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    private func processAll() async throws {
        let summary = try await sync.processPending()
        guard summary.failed == 0, summary.processed == 1 else {
            throw BenchmarkFailure("the change should reach every tenant: \(summary)")
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// The benchmark did not measure what it meant to.
struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
