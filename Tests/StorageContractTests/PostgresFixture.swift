import AuthHeroPostgres
import Foundation
import Logging
import PostgresNIO
import Testing

/// A fresh PostgreSQL store, migrated by the owner role and used as the unprivileged server role (`POSTGRES_URL` and
/// `POSTGRES_SERVER_URL`, as `Scripts/with-postgres.sh` sets them). Every store has a registry schema and a tenant
/// schema prefix of its own, so all of them share one database and one pool per role; its schemas are dropped
/// afterwards.
enum PostgresFixture {
    static let missing =
        "PostgreSQL is not configured: run the tests under Scripts/with-postgres.sh, which sets POSTGRES_URL and "
        + "POSTGRES_SERVER_URL"

    /// One pool per role for the whole test run. Their `run()` lasts as long as the test process: a pool per test
    /// would open hundreds of connections at once when the whole suite runs in parallel.
    struct Pools: Sendable {
        let owner: PostgresClient
        let server: PostgresClient
        let serverRole: String
    }

    static let pools: Task<Pools?, any Error> = Task {
        let environment = ProcessInfo.processInfo.environment
        guard let ownerValue = environment["POSTGRES_URL"], let serverValue = environment["POSTGRES_SERVER_URL"] else {
            return nil
        }
        let logger = Logger(label: "authhero.tests.postgres")
        let serverURL = try DatabaseURL(serverValue)
        let pools = Pools(
            owner: PostgresClient(
                configuration: try DatabaseURL(ownerValue).clientConfiguration(poolSize: 6), backgroundLogger: logger),
            server: PostgresClient(
                configuration: serverURL.clientConfiguration(poolSize: 12), backgroundLogger: logger),
            serverRole: serverURL.username)
        Task.detached { await pools.owner.run() }
        Task.detached { await pools.server.run() }
        return pools
    }

    /// Runs `body` with the storage the server role sees.
    static func withStorage(
        _ layout: PostgresLayout = .shared, _ body: (PostgresStorage) async throws -> Void
    ) async throws {
        try await withStorages(layout) { server, _ in try await body(server) }
    }

    /// Runs `body` with the server role's storage and the owner's, both on one fresh, migrated registry.
    static func withStorages(
        _ layout: PostgresLayout = .shared, migrations: [PostgresMigration] = PostgresMigrations.all,
        _ body: (PostgresStorage, PostgresStorage) async throws -> Void
    ) async throws {
        guard let pools = try await pools.value else {
            if ProcessInfo.processInfo.environment["AUTHHERO_REQUIRE_POSTGRES"] == "1" {
                Issue.record(Comment(rawValue: missing + " (AUTHHERO_REQUIRE_POSTGRES=1)"))
                return
            }
            try Test.cancel(Comment(rawValue: missing))
        }
        let unique = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        let schema = "contract_\(unique)"
        let prefix = "t\(unique)_"
        func storage(_ client: PostgresClient) -> PostgresStorage {
            PostgresStorage(
                client: client, layout: layout, schema: schema, tenantSchemaPrefix: prefix, migrations: migrations)
        }
        let owner = storage(pools.owner)
        var failure: (any Error)?
        do {
            try await owner.migrate(grantingTo: pools.serverRole)
            try await body(storage(pools.server), owner)
        } catch {
            failure = error
        }
        let schemas = try await pools.owner.query(
            "SELECT nspname::text FROM pg_namespace WHERE nspname = \(schema) OR starts_with(nspname, \(prefix))")
        for try await name in schemas.decode(String.self) {
            try await pools.owner.query("DROP SCHEMA \(unescaped: "\"\(name)\"") CASCADE")
        }
        if let failure { throw failure }
    }
}
