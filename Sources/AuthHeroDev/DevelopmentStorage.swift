import AuthHeroCore
import AuthHeroPostgres
import AuthHeroSQLite
import AuthHeroServer
import Foundation
import Logging
import PostgresNIO

/// Where `authhero-dev` keeps its data: a SQLite file (one process), or PostgreSQL, where any number of
/// `authhero-dev` processes serve the same tenants and a request may land on any of them. On PostgreSQL the login
/// transactions, throttle counters and access invalidations live in the database too, so nothing a later request
/// needs stays in one process's memory.
enum DevelopmentStorage: CustomStringConvertible {
    case sqlite(SQLiteStorage, StorageStrategy, path: String)
    case postgres(PostgresStorage, PostgresSettings, invalidation: PostgresAccessInvalidation)

    /// The SQLite file of `strategy`, migrated.
    static func sqlite(_ strategy: StorageStrategy, path: String) throws -> DevelopmentStorage {
        let storage = try SQLiteStorage.open(strategy: strategy)
        try storage.migrate()
        return .sqlite(storage, strategy, path: path)
    }

    /// PostgreSQL as `settings` describe it; run ``background()``, then ``prepare(migrator:logger:)``, before use.
    static func postgres(_ settings: PostgresSettings, logger: Logger) -> DevelopmentStorage {
        let client = PostgresClient(configuration: settings.clientConfiguration, backgroundLogger: logger)
        let storage = PostgresStorage(client: client, layout: settings.layout, logger: logger)
        return .postgres(storage, settings, invalidation: PostgresAccessInvalidation(client: client, logger: logger))
    }

    /// Readies PostgreSQL while its pool runs: migrates as `migrator` (the tables' owner, granting the server's role
    /// what it needs) when given, then refuses to serve on schemas that are behind or as a role that row-level
    /// security would not bind.
    func prepare(migrator: PostgresSettings?, logger: Logger) async throws {
        guard case .postgres(let storage, let settings, _) = self else { return }
        if let migrator {
            let owner = PostgresClient(configuration: migrator.clientConfiguration, backgroundLogger: logger)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await owner.run() }
                try await PostgresStorage(client: owner, layout: settings.layout, logger: logger)
                    .migrate(grantingTo: settings.url.username)
                group.cancelAll()
            }
        }
        try await storage.requireCurrentSchemas()
        try await storage.verifyRowLevelSecurityApplies()
    }

    /// The services on this storage, with the shared stores on PostgreSQL.
    func services(hosts: PlatformHosts) -> AuthHeroServices {
        switch self {
        case .sqlite(let storage, _, _):
            return AuthHeroServices(storage: storage, hosts: hosts)
        case .postgres(let storage, _, let invalidation):
            let clock = SystemClock()
            return AuthHeroServices(
                storage: storage, hosts: hosts, clock: clock, throttleCounters: storage,
                loginTransactionStore: PostgresLoginTransactionStore(storage: storage, clock: clock),
                accessInvalidation: invalidation)
        }
    }

    /// What runs next to the server for as long as it serves: PostgreSQL's pool and invalidation listener.
    func background() -> [@Sendable () async throws -> Void] {
        guard case .postgres(let storage, _, let invalidation) = self else { return [] }
        return [{ await storage.client.run() }, { try await invalidation.run() }]
    }

    /// One line for the banner.
    var description: String {
        switch self {
        case .sqlite(_, let strategy, let path): "\(path) (storage: \(strategy.layout.rawValue))"
        case .postgres(_, let settings, _): "\(settings.url) (storage: \(settings.layout.rawValue))"
        }
    }
}
