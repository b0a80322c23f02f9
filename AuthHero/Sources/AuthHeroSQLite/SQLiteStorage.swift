import AuthHeroCore
import Foundation
import GRDB

/// `AuthHeroStorage` on SQLite through GRDB, in either ``StorageLayout``: every store method names the tenant it
/// serves and runs on that tenant's database (``TenantDatabases``), so core and routes never see the layout.
public struct SQLiteStorage: AuthHeroStorage {
    let databases: any TenantDatabases

    /// The control plane's database: the tenant registry, custom domains, the outbox and the control plane's own
    /// rows (with the shared layout, every tenant's rows).
    public var registry: any DatabaseWriter { databases.registry }

    /// The layout this storage was opened with.
    public var layout: StorageLayout { databases is SharedDatabase ? .shared : .databasePerTenant }

    /// Wraps an existing writer with the shared layout; call `migrate()` before first use.
    public init(writer: any DatabaseWriter) { databases = SharedDatabase(registry: writer) }

    /// Opens (creating if needed) a SQLite file with the shared layout. See ``open(strategy:busyTimeout:)``.
    public static func open(path: String, busyTimeout: TimeInterval = 10) throws -> SQLiteStorage {
        try open(strategy: StorageStrategy(layout: .shared, databasePath: path), busyTimeout: busyTimeout)
    }

    /// Opens (creating if needed) the control plane's file, and with the database-per-tenant layout readies the
    /// tenant files' folder. Files are WAL-mode pools with a busy timeout, so concurrent requests wait for the write
    /// lock instead of failing with "database is locked". Call `migrate()` before first use.
    public static func open(strategy: StorageStrategy, busyTimeout: TimeInterval = 10) throws -> SQLiteStorage {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        switch strategy.layout {
        case .shared:
            return SQLiteStorage(writer: try DatabasePool(path: strategy.databasePath, configuration: configuration))
        case .databasePerTenant:
            return SQLiteStorage(
                databases: try DatabasePerTenant(strategy: strategy, configuration: configuration))
        }
    }

    init(databases: any TenantDatabases) { self.databases = databases }

    /// Applies every migration not yet applied to the control plane's file; tenant files are migrated when they are
    /// opened and by ``repairTenantDatabases()``.
    public func migrate() throws { try SchemaMigrations.migrator.migrate(registry) }

    /// Closes every open tenant file (database per tenant); the registry closes with the storage.
    public func closeTenantFiles() async {
        await (databases as? DatabasePerTenant)?.pools.retireAll()
    }

    /// Runs `work` on the control plane's file, where the registry and the control plane's rows live; a write in it
    /// for a tenant with a database of its own throws, because one transaction cannot span two files.
    public func transaction<T: Sendable>(_ work: @escaping @Sendable (any StorageTransaction) throws -> T)
        async throws -> T
    {
        let databases = self.databases
        return try await writeRegistry { db in
            try work(SQLiteTransaction(db: db, holds: { !databases.isSeparate($0) }))
        }
    }

    /// Reads `tenantID`'s rows, translating driver errors into `StorageError`.
    func read<T: Sendable>(_ tenantID: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await translatingErrors {
            try await databases.withDatabase(tenantID, writing: false) { try await $0.read(body) }
        }
    }

    /// Writes `tenantID`'s rows in one transaction, translating driver errors into `StorageError`.
    func write<T: Sendable>(_ tenantID: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await translatingErrors {
            try await databases.withDatabase(tenantID, writing: true) { try await $0.write(body) }
        }
    }

    /// Reads the registry (tenants, custom domains, outbox), translating driver errors into `StorageError`.
    func readRegistry<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await translatingErrors { try await registry.read(body) }
    }

    /// Writes the registry in one transaction, translating driver errors into `StorageError`.
    func writeRegistry<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await translatingErrors { try await registry.write(body) }
    }

    func translatingErrors<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw StorageError.conflict(error.message ?? "constraint violated")
        } catch let error as RecordError {
            throw StorageError.notFound(error.description)
        }
    }
}
