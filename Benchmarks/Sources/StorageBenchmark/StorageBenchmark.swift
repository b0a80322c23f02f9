import ArgumentParser
import AuthHeroSQLite
import Foundation

/// `storage-benchmark`: for each storage layout, creates `--tenants` customer tenants through the provisioner (RSA
/// key generation included), then serves them on 127.0.0.1 and prints: the time to create a tenant, client-credentials
/// tokens per second in one tenant, `GET /api/v2/users` latency in one tenant among all of them, disk used, and the
/// process's resident memory. Figures only; nothing here is asserted.
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

    func run() async throws {
        for layout in StorageLayout.allCases {
            let setup = try await StorageBenchmarkSetup(layout: layout, tenants: tenants, openFiles: openFiles)
            defer { setup.remove() }
            let report = try await setup.measure(tokens: tokens, connections: connections, listings: listings)
            print(report.lines(layout: layout, tenants: tenants, openFiles: openFiles))
        }
    }
}
