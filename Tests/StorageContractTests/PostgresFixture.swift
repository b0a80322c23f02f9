import AuthHeroPostgres
import Foundation
import Logging
import PostgresNIO
import Testing

/// A fresh PostgreSQL store, migrated by the owner role and used as the unprivileged server role (`POSTGRES_URL` and
/// `POSTGRES_SERVER_URL`, as `Scripts/with-postgres.sh` sets them). The shared layout gets a schema of its own in
/// the configured database; schema-per-tenant a database of its own, so its `tenant_<id>` schemas are its alone.
/// Both are dropped afterwards.
enum PostgresFixture {
    static let missing =
        "PostgreSQL is not configured: run the tests under Scripts/with-postgres.sh, which sets POSTGRES_URL and "
        + "POSTGRES_SERVER_URL"

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
        let environment = ProcessInfo.processInfo.environment
        guard let ownerValue = environment["POSTGRES_URL"], let serverValue = environment["POSTGRES_SERVER_URL"] else {
            if environment["AUTHHERO_REQUIRE_POSTGRES"] == "1" {
                Issue.record(Comment(rawValue: missing + " (AUTHHERO_REQUIRE_POSTGRES=1)"))
                return
            }
            try Test.cancel(Comment(rawValue: missing))
        }
        var ownerURL = try DatabaseURL(ownerValue)
        var serverURL = try DatabaseURL(serverValue)
        let logger = Logger(label: "authhero.tests.postgres")
        let unique = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let admin = PostgresClient(configuration: ownerURL.clientConfiguration(poolSize: 1), backgroundLogger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await admin.run() }
            defer { group.cancelAll() }
            let schema = layout == .shared ? "contract_\(unique)" : "authhero"
            let database = layout == .shared ? nil : "contract_\(unique)"
            if let database {
                try await admin.query("CREATE DATABASE \(unescaped: "\"\(database)\"")")
                ownerURL.database = database
                serverURL.database = database
            }
            let ownerClient = PostgresClient(
                configuration: ownerURL.clientConfiguration(poolSize: 2), backgroundLogger: logger)
            let serverClient = PostgresClient(
                configuration: serverURL.clientConfiguration(poolSize: 4), backgroundLogger: logger)
            group.addTask { await ownerClient.run() }
            group.addTask { await serverClient.run() }
            let owner = PostgresStorage(client: ownerClient, layout: layout, schema: schema, migrations: migrations)
            let server = PostgresStorage(client: serverClient, layout: layout, schema: schema, migrations: migrations)
            var failure: (any Error)?
            do {
                try await owner.migrate(grantingTo: serverURL.username)
                try await body(server, owner)
            } catch {
                failure = error
            }
            if let database {
                _ = try? await admin.query("DROP DATABASE IF EXISTS \(unescaped: "\"\(database)\"") WITH (FORCE)")
            } else {
                _ = try? await admin.query("DROP SCHEMA IF EXISTS \(unescaped: "\"\(schema)\"") CASCADE")
            }
            if let failure { throw failure }
        }
    }
}
