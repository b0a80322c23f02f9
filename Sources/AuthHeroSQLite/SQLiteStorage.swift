import AuthHeroCore
import Foundation
import GRDB

/// `AuthHeroStorage` on SQLite through GRDB. Built on any `DatabaseWriter`, so a database-per-tenant router can hand
/// each tenant its own pool later without changing the stores.
public struct SQLiteStorage: AuthHeroStorage {
    /// The pool (or queue) every store reads and writes through.
    public let writer: any DatabaseWriter

    /// Wraps an existing writer; call `migrate()` before first use.
    public init(writer: any DatabaseWriter) { self.writer = writer }

    /// Opens (creating if needed) a SQLite file as a WAL-mode pool with a busy timeout, so concurrent requests wait
    /// for the write lock instead of failing with "database is locked".
    public static func open(path: String, busyTimeout: TimeInterval = 10) throws -> SQLiteStorage {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        return SQLiteStorage(writer: try DatabasePool(path: path, configuration: configuration))
    }

    /// Applies every migration not yet applied.
    public func migrate() throws { try SchemaMigrations.migrator.migrate(writer) }

    public func transaction<T: Sendable>(_ work: @escaping @Sendable (any StorageTransaction) throws -> T)
        async throws -> T
    {
        try await write { db in try work(SQLiteTransaction(db: db)) }
    }

    /// Reads, translating driver errors into `StorageError`.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await translatingErrors { try await writer.read(body) }
    }

    /// Writes in one transaction, translating driver errors into `StorageError`.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await translatingErrors { try await writer.write(body) }
    }

    private func translatingErrors<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw StorageError.conflict(error.message ?? "constraint violated")
        } catch let error as RecordError {
            throw StorageError.notFound(error.description)
        }
    }
}
