import ArgumentParser
import AuthHeroCore
import AuthHeroPostgres
import Foundation
import Logging
import PostgresNIO

/// `postgres-benchmark migrate`: the schema-per-tenant layout's cost of one new migration. Creates `--schemas`
/// customer tenants whose schemas are one migration behind, then times `migrate` bringing every one up to date,
/// against a baseline measured in the same run: the same `migrate` over a registry with a single tenant schema.
/// Run it against a throwaway cluster:
/// `Scripts/with-postgres.sh swift run -c release --package-path Benchmarks postgres-benchmark migrate`.
/// Figures only; nothing here is asserted.
@main
struct PostgresBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postgres-benchmark", abstract: "Measure PostgreSQL storage at scale.",
        subcommands: [MigrateBenchmark.self])
}

struct MigrateBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Time one new migration over many tenant schemas.")

    @Option(help: "Customer tenant schemas to create and migrate.")
    var schemas = 1_000

    @Option(help: "Schemas migrated at once (migrate's bounded parallelism).")
    var parallelism = 8

    @Option(help: "The owner's URL (default: POSTGRES_URL, as Scripts/with-postgres.sh sets it).")
    var databaseURL = ProcessInfo.processInfo.environment["POSTGRES_URL"] ?? ""

    func run() async throws {
        guard !databaseURL.isEmpty else {
            throw ValidationError("no database: pass --database-url or run under Scripts/with-postgres.sh")
        }
        let client = PostgresClient(
            configuration: try DatabaseURL(databaseURL).clientConfiguration(poolSize: parallelism + 2),
            backgroundLogger: Logger(label: "postgres-benchmark"))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            try await measure(client)
            group.cancelAll()
        }
    }

    private func measure(_ client: PostgresClient) async throws {
        guard let newest = PostgresMigrations.all.last else { return }
        print(
            "postgres-benchmark migrate: \(schemas) schemas, parallelism \(parallelism), "
                + "new migration \(newest.version) \(newest.name)")
        let baseline = TenantSchemas(client: client, name: "one")
        try await baseline.create(1, parallelism: 1)
        let one = try await timed { try await baseline.migrate(parallelism: 1) }

        let many = TenantSchemas(client: client, name: "many")
        let created = try await timed { try await many.create(schemas, parallelism: parallelism) }
        print(
            "  provisioning \(schemas) schemas one migration behind: \(format(created)) s, \(rate(schemas, created))/s")
        let migrated = try await timed { try await many.migrate(parallelism: parallelism) }
        let behind = try await many.current.schemasBehind().count

        print("  baseline, migrate with one tenant schema: \(format(one * 1000)) ms")
        print("  migrate with \(schemas) tenant schemas: \(format(migrated)) s, \(rate(schemas, migrated)) schemas/s")
        print("  ratio: \(format(migrated / one)) × the baseline; schemas still behind afterwards: \(behind)")
    }

    private func timed(_ body: () async throws -> Void) async throws -> Double {
        let start = ContinuousClock.now
        try await body()
        return (ContinuousClock.now - start).timeInterval
    }

    private func format(_ value: Double) -> String { String(format: "%.2f", value) }
    private func rate(_ count: Int, _ seconds: Double) -> String { String(format: "%.0f", Double(count) / seconds) }
}

/// A registry of its own with tenant schemas created one migration behind, and the same registry seen by the
/// current runtime, which `migrate` brings up to date.
struct TenantSchemas {
    let behind: PostgresStorage
    let current: PostgresStorage

    init(client: PostgresClient, name: String) {
        let run = "\(name)_\(UUID().uuidString.prefix(8).lowercased())"
        func storage(_ migrations: [PostgresMigration]) -> PostgresStorage {
            PostgresStorage(
                client: client, layout: .schemaPerTenant, schema: "bench_\(run)", tenantSchemaPrefix: "t\(run)_",
                migrations: migrations)
        }
        behind = storage(Array(PostgresMigrations.all.dropLast()))
        current = storage(PostgresMigrations.all)
    }

    /// Migrates the registry one migration behind and creates `count` tenants there, `parallelism` at a time.
    func create(_ count: Int, parallelism: Int) async throws {
        _ = try await behind.migrate()
        let behind = behind
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            func add() {
                let index = next
                next += 1
                group.addTask {
                    try await behind.createTenant(
                        Tenant(id: "t\(index)", friendlyName: "Tenant \(index)", createdAt: Date()))
                }
            }
            while next < min(parallelism, count) { add() }
            while try await group.next() != nil { if next < count { add() } }
        }
    }

    /// Brings the registry and every tenant schema up to date, printing progress every tenth of the way.
    func migrate(parallelism: Int) async throws {
        _ = try await current.migrate(parallelism: parallelism) { progress in
            guard progress.total >= 10, progress.done > 0, progress.done % (progress.total / 10) == 0 else { return }
            print("    \(progress.done) / \(progress.total)")
        }
    }
}
