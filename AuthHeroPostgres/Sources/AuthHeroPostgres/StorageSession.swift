import AuthHeroCore
import Foundation
import Logging
import PostgresNIO

/// One open transaction of ``PostgresStorage``: runs SQL, and reads and writes domain records as rows
/// (``RowCoding``). Handed out only by the storage's transaction methods, never kept past them.
struct StorageSession: Sendable {
    let connection: PostgresConnection
    let logger: Logger
    let columns: TableColumns

    /// Makes `schema` the transaction's `search_path`, so unqualified names are its tables.
    func use(_ schema: String) async throws {
        try await run("SELECT set_config('search_path', \(SQLName.quoted(schema)), true)")
    }

    /// Makes `tenantID` the tenant the row-level-security policies admit for the rest of the transaction.
    func enter(_ tenantID: String) async throws {
        try await run("SELECT set_config(\(RowLevelSecurity.tenantSetting), \(tenantID), true)")
    }

    /// Runs `query`, discarding any rows.
    func run(_ query: PostgresQuery) async throws {
        try await connection.query(query, logger: logger).collect()
    }

    /// Runs `query` and returns how many rows it changed (`UPDATE`, `DELETE`) or returned.
    func changes(_ query: PostgresQuery) async throws -> Int {
        var count = 0
        for try await _ in try await connection.query(query, logger: logger) { count += 1 }
        return count
    }

    /// The records of `query`, which selects one column: a row as `to_jsonb(…)::text`.
    func records<R: Decodable>(_ type: R.Type, _ query: PostgresQuery) async throws -> [R] {
        var records: [R] = []
        for try await json in try await connection.query(query, logger: logger).decode(String.self) {
            records.append(try RowCoding.record(R.self, from: json))
        }
        return records
    }

    /// The first record of `query` (see ``records(_:_:)``), if any.
    func record<R: Decodable>(_ type: R.Type, _ query: PostgresQuery) async throws -> R? {
        try await records(R.self, query).first
    }

    /// The single integer `query` selects (a count).
    func integer(_ query: PostgresQuery) async throws -> Int {
        for try await value in try await connection.query(query, logger: logger).decode(Int.self) { return value }
        return 0
    }

    /// The text value `query` selects in its first row, or nil (no row, or NULL).
    func text(_ query: PostgresQuery) async throws -> String? {
        for try await value in try await connection.query(query, logger: logger).decode(String?.self) { return value }
        return nil
    }

    /// The text values of `query`'s single column.
    func texts(_ query: PostgresQuery) async throws -> [String] {
        var values: [String] = []
        for try await value in try await connection.query(query, logger: logger).decode(String.self) {
            values.append(value)
        }
        return values
    }

    /// Inserts `record` into `table`, setting the columns it has a value for (the others take their defaults);
    /// with `ignoringConflicts`, a row that breaks a unique rule is skipped instead.
    func insert(_ record: some Encodable, into table: String, ignoringConflicts: Bool = false) async throws {
        let row = try RowCoding.row(record)
        let names = SQLName.list(row.columns)
        let conflict = ignoringConflicts ? " ON CONFLICT DO NOTHING" : ""
        try await run(
            "INSERT INTO \(unescaped: SQLName.quoted(table)) (\(unescaped: names)) SELECT \(unescaped: names) FROM jsonb_populate_record(NULL::\(unescaped: SQLName.quoted(table)), \(row.json)::jsonb)\(unescaped: conflict)"
        )
    }

    /// Replaces every column of the row of `table` whose `key` columns equal `record`'s, except `keeping`; a property
    /// that is nil clears its column. Returns how many rows changed (0 when there is no such row).
    func update(
        _ record: some Encodable, in table: String, key: [String], keeping: Set<String> = []
    ) async throws -> Int {
        let row = try RowCoding.row(record)
        let assigned = try await columns.of(table, in: self).filter { !key.contains($0) && !keeping.contains($0) }
        let set = SQLName.list(assigned)
        let values = assigned.map { "r.\(SQLName.quoted($0))" }.joined(separator: ", ")
        let match = key.map { "t.\(SQLName.quoted($0)) = r.\(SQLName.quoted($0))" }.joined(separator: " AND ")
        let target = SQLName.quoted(table)
        return try await changes(
            """
            UPDATE \(unescaped: target) AS t SET (\(unescaped: set)) = ROW(\(unescaped: values))
            FROM jsonb_populate_record(NULL::\(unescaped: target), \(row.json)::jsonb) AS r
            WHERE \(unescaped: match) RETURNING 1
            """)
    }

    /// Runs `body`, turning the server's constraint errors into `StorageError.conflict` with the server's message
    /// (which names the constraint, never the values), and unwrapping what postgres-nio's transactions wrap.
    static func translatingErrors<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as PostgresTransactionError {
            throw translated(error.closureError ?? error.commitError ?? error.beginError ?? error)
        } catch {
            throw translated(error)
        }
    }

    /// Server errors the storage answers in its own terms.
    enum Failure: Error, CustomStringConvertible {
        /// A table is missing: the schema was never migrated or, with the schema-per-tenant layout, the tenant has
        /// no schema.
        case undefinedTable(String)

        var description: String {
            switch self {
            case .undefinedTable(let message): "\(message): run migrate against this database first."
            }
        }
    }

    private static func translated(_ error: any Error) -> any Error {
        guard let error = error as? PSQLError, let state = error.serverInfo?[.sqlState] else { return error }
        if state == "42P01" { return Failure.undefinedTable(error.serverInfo?[.message] ?? "a table is missing") }
        guard state.hasPrefix("23") else { return error }
        return StorageError.conflict(error.serverInfo?[.message] ?? "constraint violated")
    }
}

/// The column names of each table, read from the catalog once per table (migrations only ever add columns while a
/// server runs on the schema they are for, and a restart reads them again).
final class TableColumns: @unchecked Sendable {
    private let lock = NSLock()
    private var known: [String: [String]] = [:]

    func of(_ table: String, in session: StorageSession) async throws -> [String] {
        if let names = lock.withLock({ known[table] }) { return names }
        var names: [String] = []
        let query: PostgresQuery = """
            SELECT column_name::text FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = \(table) ORDER BY ordinal_position
            """
        for try await name in try await session.connection.query(query, logger: session.logger).decode(String.self) {
            names.append(name)
        }
        lock.withLock { known[table] = names }
        return names
    }
}
