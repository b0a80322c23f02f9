import AuthHeroCore
import AuthHeroPostgres
import AuthHeroSQLite
import Foundation
import Logging
import PostgresNIO

/// One store under measure: SQLite in a temporary folder, or PostgreSQL in a registry schema of its own (and, with
/// schema per tenant, a schema per tenant) on the server `POSTGRES_URL` / `POSTGRES_SERVER_URL` name, as
/// `Scripts/with-postgres.sh` sets them: migrated by the owner, served by the unprivileged role.
struct BenchmarkStore: Sendable {
    let name: String
    let storage: any AuthHeroStorage
    /// The same database through a pool of its own, for a second server instance (PostgreSQL only: on SQLite the
    /// server is one process).
    let secondInstance: (any AuthHeroStorage)?
    /// Runs `migrate` again over what is there now (every tenant schema, with schema per tenant).
    let migrate: @Sendable () async throws -> Void
    private let folder: URL?
    private let postgres: (owner: PostgresClient, schema: String, prefix: String)?

    static func sqlite(_ layout: StorageLayout, openFiles: Int) throws -> BenchmarkStore {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("storage-benchmark-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let storage = try SQLiteStorage.open(
            strategy: StorageStrategy(
                layout: layout, databasePath: folder.appendingPathComponent("control-plane.sqlite").path,
                openFiles: openFiles))
        try storage.migrate()
        let suffix = layout == .databasePerTenant ? " (at most \(openFiles) tenant files open)" : ""
        return BenchmarkStore(
            name: "SQLite \(layout.rawValue)\(suffix)", storage: storage, secondInstance: nil,
            migrate: { try storage.migrate() }, folder: folder, postgres: nil)
    }

    static func postgres(_ layout: PostgresLayout, pools: PostgresPools) async throws -> BenchmarkStore {
        let run = UUID().uuidString.prefix(8).lowercased()
        let schema = "bench_\(run)"
        let prefix = "t\(run)_"
        func storage(_ client: PostgresClient) -> PostgresStorage {
            PostgresStorage(client: client, layout: layout, schema: schema, tenantSchemaPrefix: prefix)
        }
        let owner = storage(pools.owner)
        _ = try await owner.migrate(grantingTo: pools.serverRole)
        return BenchmarkStore(
            name: "PostgreSQL \(layout.rawValue)", storage: storage(pools.server),
            secondInstance: storage(pools.secondServer),
            migrate: { _ = try await owner.migrate(grantingTo: pools.serverRole) }, folder: nil,
            postgres: (pools.owner, schema, prefix))
    }

    /// Bytes on disk: the folder's files, or every relation of the store's schemas.
    func diskBytes() async throws -> Int64 {
        if let folder { return StorageBenchmarkReport.diskBytes(folder) }
        guard let postgres else { return 0 }
        let rows = try await postgres.owner.query(
            """
            SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'm') AND (n.nspname = \(postgres.schema) OR starts_with(n.nspname, \(postgres.prefix)))
            """)
        for try await bytes in rows.decode(Int64.self) { return bytes }
        return 0
    }

    /// Removes the folder or drops the schemas.
    func remove() async {
        if let folder { try? FileManager.default.removeItem(at: folder) }
        guard let postgres else { return }
        guard
            let rows = try? await postgres.owner.query(
                """
                SELECT nspname::text FROM pg_namespace
                WHERE nspname = \(postgres.schema) OR starts_with(nspname, \(postgres.prefix))
                """)
        else { return }
        var names: [String] = []
        do { for try await name in rows.decode(String.self) { names.append(name) } } catch { return }
        for name in names {
            _ = try? await postgres.owner.query("DROP SCHEMA \(unescaped: "\"\(name)\"") CASCADE")
        }
    }
}

/// The owner's pool and two of the server role's (one per server instance), run for the whole benchmark.
struct PostgresPools: Sendable {
    let owner: PostgresClient
    let server: PostgresClient
    let secondServer: PostgresClient
    let serverRole: String

    /// Pools for `POSTGRES_URL` and `POSTGRES_SERVER_URL`, or nil when they are not set.
    static func fromEnvironment() throws -> PostgresPools? {
        let environment = ProcessInfo.processInfo.environment
        guard let owner = environment["POSTGRES_URL"], let server = environment["POSTGRES_SERVER_URL"] else {
            return nil
        }
        let logger = Logger(label: "storage-benchmark.postgres")
        let serverURL = try DatabaseURL(server)
        return PostgresPools(
            owner: PostgresClient(
                configuration: try DatabaseURL(owner).clientConfiguration(poolSize: 4), backgroundLogger: logger),
            server: PostgresClient(
                configuration: serverURL.clientConfiguration(poolSize: 16), backgroundLogger: logger),
            secondServer: PostgresClient(
                configuration: serverURL.clientConfiguration(poolSize: 16), backgroundLogger: logger),
            serverRole: serverURL.username)
    }
}
