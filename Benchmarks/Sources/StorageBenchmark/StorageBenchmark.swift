import ArgumentParser
import AuthHeroPostgres
import AuthHeroSQLite
import Foundation

/// `storage-benchmark`: for each storage layout (SQLite's two, and PostgreSQL's two when run under
/// `Scripts/with-postgres.sh`, side by side in one run), creates `--tenants` customer tenants through the provisioner (RSA
/// key generation included), then serves them on 127.0.0.1 and prints: the time to create a tenant, client-credentials
/// tokens per second in one tenant (on PostgreSQL also with two server instances, each with its own services, caches
/// and pool, taking alternate connections), `GET /api/v2/users` latency in one tenant among all of them, the time
/// of `migrate` over what is there, disk used, and the process's resident memory. Figures only; nothing here is
/// asserted.
@main
struct StorageBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "storage-benchmark", abstract: "Compare the shared and database-per-tenant storage layouts.")

    @Option(help: "Customer tenants to create per layout.")
    var tenants = 1_000

    @Option(help: "Client-credentials requests per layout.")
    var tokens = 2_000

    @Option(help: "Concurrent keep-alive connections for the token requests.")
    var connections = 4

    @Option(help: "GET /api/v2/users requests per layout.")
    var listings = 500

    @Option(help: "Tenant files kept open (database-per-tenant).")
    var openFiles = StorageStrategy.defaultOpenFiles

    @Option(
        help: """
            The layouts to measure, comma-separated: sqlite:shared, sqlite:database-per-tenant, postgres:shared, \
            postgres:schema-per-tenant (PostgreSQL ones only under Scripts/with-postgres.sh). Default: all.
            """)
    var layouts: String?

    func run() async throws {
        let pools = try PostgresPools.fromEnvironment()
        if pools == nil { print("PostgreSQL layouts skipped: run under Scripts/with-postgres.sh to include them") }
        try await withThrowingTaskGroup(of: Void.self) { group in
            if let pools {
                group.addTask { await pools.owner.run() }
                group.addTask { await pools.server.run() }
                group.addTask { await pools.secondServer.run() }
            }
            let chosen = layouts.map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
            var stores: [@Sendable () async throws -> BenchmarkStore] = StorageLayout.allCases
                .filter { chosen?.contains("sqlite:\($0.rawValue)") ?? true }
                .map { layout in { [openFiles] in try BenchmarkStore.sqlite(layout, openFiles: openFiles) } }
            if let pools {
                stores += PostgresLayout.allCases
                    .filter { chosen?.contains("postgres:\($0.rawValue)") ?? true }
                    .map { layout in { try await BenchmarkStore.postgres(layout, pools: pools) } }
            }
            for makeStore in stores {
                let setup = try await StorageBenchmarkSetup(store: try await makeStore(), tenants: tenants)
                let report = try await setup.measure(tokens: tokens, connections: connections, listings: listings)
                print(report.lines(store: setup.store.name, tenants: tenants))
                await setup.remove()
            }
            group.cancelAll()
        }
    }
}
