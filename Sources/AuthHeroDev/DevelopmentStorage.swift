import AuthHeroCore
import AuthHeroPostgres
import AuthHeroSQLite
import AuthHeroServer
import Foundation
import Logging

/// Where `authhero-dev` keeps its data: a SQLite file (one process), or PostgreSQL, where any number of
/// `authhero-dev` processes serve the same tenants and a request may land on any of them. On PostgreSQL the login
/// transactions, throttle counters and access invalidations live in the database too, so nothing a later request
/// needs stays in one process's memory.
enum DevelopmentStorage: CustomStringConvertible {
    case sqlite(SQLiteStorage, StorageStrategy, path: String)
    case postgres(PostgresBackend)

    /// The SQLite file of `strategy`, migrated.
    static func sqlite(_ strategy: StorageStrategy, path: String) throws -> DevelopmentStorage {
        let storage = try SQLiteStorage.open(strategy: strategy)
        try storage.migrate()
        return .sqlite(storage, strategy, path: path)
    }

    /// PostgreSQL as `settings` describe it; run ``background()``, then ``prepare(migrator:logger:)``, before use.
    static func postgres(_ settings: PostgresSettings, logger: Logger) -> DevelopmentStorage {
        .postgres(PostgresBackend(settings: settings, logger: logger))
    }

    /// Readies PostgreSQL while its pool runs: migrates as `migrator` (the tables' owner, granting the server's role
    /// what it needs) when given, then refuses to serve on schemas that are behind or as a role that row-level
    /// security would not bind.
    func prepare(migrator: PostgresSettings?, logger: Logger) async throws {
        guard case .postgres(let backend) = self else { return }
        try await backend.prepare(migrator: migrator)
    }

    /// The services on this storage, with the shared stores on PostgreSQL.
    func services(hosts: PlatformHosts) -> AuthHeroServices {
        switch self {
        case .sqlite(let storage, _, _):
            return AuthHeroServices(storage: storage, hosts: hosts)
        case .postgres(let backend):
            let clock = SystemClock()
            return AuthHeroServices(
                storage: backend.storage, hosts: hosts, clock: clock, throttleCounters: backend.storage,
                loginTransactionStore: backend.loginTransactionStore(clock: clock),
                accessInvalidation: backend.invalidation)
        }
    }

    /// What runs next to the server for as long as it serves: PostgreSQL's pool and invalidation listener.
    func background() -> [@Sendable () async throws -> Void] {
        guard case .postgres(let backend) = self else { return [] }
        return [{ try await backend.run() }]
    }

    /// One line for the banner.
    var description: String {
        switch self {
        case .sqlite(_, let strategy, let path): "\(path) (storage: \(strategy.layout.rawValue))"
        case .postgres(let backend): "\(backend.settings.url) (storage: \(backend.settings.layout.rawValue))"
        }
    }
}
