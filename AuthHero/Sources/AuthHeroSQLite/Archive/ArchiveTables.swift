import AuthHeroCore
import Foundation
import GRDB

/// Reading and writing one tenant's rows table by table, by name, from the schema itself: tables added by later
/// migrations are archived without changes here.
enum ArchiveTables {
    /// Tables kept in the registry whatever the layout, besides `tenants` itself.
    static let registryTables: Set<String> = ["custom_domains"]

    /// Every table with a `tenant_id` column, by name.
    static func tenantTables(_ db: Database) throws -> [String] {
        try String.fetchAll(
            db,
            sql: """
                SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) c
                WHERE m.type = 'table' AND c.name = 'tenant_id' ORDER BY m.name
                """)
    }

    /// The tables of `db` that hold a tenant's own rows (not the registry's).
    static func ownTables(_ db: Database) throws -> [String] {
        try tenantTables(db).filter { !registryTables.contains($0) }
    }

    /// `tenantID`'s rows of each table, ordered by primary key so every layout and store exports them alike.
    static func rows(of tenantID: String, in tables: [String], _ db: Database) throws -> [String: [ArchiveRow]] {
        var result: [String: [ArchiveRow]] = [:]
        for table in tables {
            let key = try db.primaryKey(table)
            // A table without a primary key (role assignments) is ordered by every column by name, not by rowid,
            // so each store exports its rows in the same order.
            let columns =
                key.isRowID && key.rowIDColumn == nil ? try db.columns(in: table).map(\.name).sorted() : key.columns
            let order = columns.map(quoted).joined(separator: ", ")
            result[table] = try Row.fetchAll(
                db, sql: "SELECT * FROM \(quoted(table)) WHERE tenant_id = ? ORDER BY \(order)", arguments: [tenantID]
            ).map(ArchiveRow.init)
        }
        return result
    }

    /// Inserts `tenant`'s row into `tenants`.
    static func insertTenant(_ tenant: ArchiveRow, _ db: Database) throws {
        try insert(tenant, into: "tenants", skipping: nil, db)
    }

    /// Inserts the rows of `tables`, each of which must belong to `tenantID` and to a table `db` has. An
    /// auto-incremented id (audit entries) is left out so the target assigns a free one.
    static func insert(_ tables: [String: [ArchiveRow]], tenantID: String, _ db: Database) throws {
        let known = Set(try tenantTables(db))
        for (table, rows) in tables.sorted(by: { $0.key < $1.key }) {
            guard known.contains(table) else { throw TenantArchiveError.unknownTable(table) }
            let rowID = try db.primaryKey(table).rowIDColumn
            for row in rows {
                guard row["tenant_id"] == .text(tenantID) else {
                    throw TenantArchiveError.foreignRow(table: table, tenantID: tenantID)
                }
                try insert(row, into: table, skipping: rowID, db)
            }
        }
    }

    /// Deletes `tenantID`'s rows from `tables`.
    static func delete(tenantID: String, from tables: [String], _ db: Database) throws {
        for table in tables {
            try db.execute(sql: "DELETE FROM \(quoted(table)) WHERE tenant_id = ?", arguments: [tenantID])
        }
    }

    private static func insert(_ row: ArchiveRow, into table: String, skipping rowID: String?, _ db: Database) throws {
        let columns = row.keys.filter { $0 != rowID }.sorted()
        let sql = """
            INSERT INTO \(quoted(table)) (\(columns.map(quoted).joined(separator: ", ")))
            VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))
            """
        do {
            try db.execute(sql: sql, arguments: StatementArguments(columns.map { row[$0]?.databaseValue ?? .null }))
        } catch let error as DatabaseError {
            throw TenantArchiveError.invalidRow(table: table, reason: error.message ?? "\(error.resultCode)")
        }
    }

    /// An SQL identifier in double quotes, inner quotes doubled.
    private static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
