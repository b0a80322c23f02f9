import AuthHeroCore
import Foundation
import PostgresNIO

/// Tenant archives on PostgreSQL, in either layout: the same document SQLite writes and reads (``TenantArchive``),
/// so a tenant moves between any two stores. Each cell is converted by its column's type (``ArchiveColumn``).
extension PostgresStorage: TenantArchiveStore {
    /// The SQLite schema migration whose tables and columns this schema's archived tables have; an import reads the
    /// archive's columns by name, so an archive of an older schema imports too (columns added since take their
    /// defaults), and one with a column this schema lacks is refused before anything is written.
    public static let archiveSchemaVersion = "v11_outbox_claims"

    /// Tables kept in the registry whatever the layout, besides `tenants` itself.
    static let archivedRegistryTables = ["custom_domains"]

    public func exportTenant(_ tenantID: String) async throws -> TenantArchive {
        TenantArchive(schemaVersion: Self.archiveSchemaVersion, tenants: [try await archiveEntry(tenantID)])
    }

    public func exportAllTenants() async throws -> TenantArchive {
        var entries: [TenantArchive.Entry] = []
        for tenant in try await tenants() { entries.append(try await archiveEntry(tenant.id)) }
        return TenantArchive(schemaVersion: Self.archiveSchemaVersion, tenants: entries)
    }

    @discardableResult
    public func importArchive(_ archive: TenantArchive, replacing: Bool = false) async throws -> [String] {
        let ids = try await validate(archive)
        if !replacing {
            for id in ids where try await tenant(id) != nil { throw TenantArchiveError.tenantExists(id) }
        }
        for (entry, id) in zip(archive.tenants, ids) {
            try await withRegistry { session in
                try await removeRows(of: id, in: session)
                try await session.insertArchived([entry.tenant], into: "tenants")
                for table in Self.archivedRegistryTables {
                    try await session.insertArchived(entry.tables[table] ?? [], into: table)
                }
                if isSeparate(id) {
                    let tenantSchema = try tenantSchemas.name(of: id)
                    try await session.run("CREATE SCHEMA \(unescaped: SQLName.quoted(tenantSchema))")
                    try await session.use(tenantSchema)
                    _ = try await Self.applyMigrations(migrations, in: session)
                    try await session.insertArchived([entry.tenant], into: "tenants")
                }
                try await session.enter(id)
                for table in PostgresMigrations.tenantTables {
                    try await session.insertArchived(entry.tables[table] ?? [], into: table)
                }
            }
        }
        return ids
    }

    private func archiveEntry(_ tenantID: String) async throws -> TenantArchive.Entry {
        let (tenant, registryRows) = try await withRegistry { session in
            let tenant = try await session.archivedRows(of: "tenants", where: "id", is: tenantID).first
            var tables: [String: [ArchiveRow]] = [:]
            for table in Self.archivedRegistryTables {
                tables[table] = try await session.archivedRows(of: table, where: "tenant_id", is: tenantID)
            }
            return (tenant, tables)
        }
        guard let tenant else { throw TenantArchiveError.unknownTenant(tenantID) }
        let own = try await withTenant(tenantID) { session in
            var tables: [String: [ArchiveRow]] = [:]
            for table in PostgresMigrations.tenantTables {
                tables[table] = try await session.archivedRows(of: table, where: "tenant_id", is: tenantID)
            }
            return tables
        }
        return TenantArchive.Entry(tenant: tenant, tables: registryRows.merging(own) { registry, _ in registry })
    }

    /// The tenant ids of `archive` after checking, before anything is written, that every table and column it names
    /// exists here and every row belongs to its entry's tenant.
    private func validate(_ archive: TenantArchive) async throws -> [String] {
        guard archive.format == TenantArchive.formatName else {
            throw TenantArchiveError.notAnArchive("format is \"\(archive.format)\"")
        }
        guard archive.version == TenantArchive.currentVersion else {
            throw TenantArchiveError.unsupportedVersion(archive.version)
        }
        let known = Set(["tenants"] + Self.archivedRegistryTables + PostgresMigrations.tenantTables)
        return try await withRegistry { session in
            var ids: [String] = []
            for entry in archive.tenants {
                guard let id = entry.tenantID, (try? tenantSchemas.name(of: id)) != nil else {
                    throw TenantArchiveError.foreignRow(table: "tenants", tenantID: "\(entry.tenant["id"] ?? .null)")
                }
                try await session.checkColumns(of: [entry.tenant], in: "tenants")
                for (table, rows) in entry.tables {
                    guard known.contains(table) else { throw TenantArchiveError.unknownTable(table) }
                    if rows.contains(where: { $0["tenant_id"] != .text(id) }) {
                        throw TenantArchiveError.foreignRow(table: table, tenantID: id)
                    }
                    try await session.checkColumns(of: rows, in: table)
                }
                ids.append(id)
            }
            return ids
        }
    }
}

extension StorageSession {
    /// The columns of `table` in the current schema, by name.
    func archiveColumns(of table: String) async throws -> [String: ArchiveColumn] {
        let query: PostgresQuery = """
            SELECT column_name::text, data_type::text, (is_identity = 'YES') FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = \(table)
            """
        var columns: [String: ArchiveColumn] = [:]
        for try await (name, type, generated) in try await connection.query(query, logger: logger).decode(
            (String, String, Bool).self)
        {
            columns[name] = ArchiveColumn(name: name, type: type, isGenerated: generated)
        }
        return columns
    }

    /// The rows of `table` whose `column` is `value`, as archive rows, ordered by primary key (text compared
    /// byte by byte, as SQLite does, so every store exports them alike).
    func archivedRows(of table: String, where column: String, is value: String) async throws -> [ArchiveRow] {
        let columns = try await archiveColumns(of: table)
        let key = try await primaryKey(of: table)
        // A table without a primary key (role assignments, keyed by a unique index over a nullable column) is
        // ordered by every column by name, nulls first, as SQLite orders it.
        let order = (key.isEmpty ? columns.keys.sorted() : key).map { name in
            let collation = columns[name]?.type == "text" ? " COLLATE \"C\"" : ""
            return SQLName.quoted(name) + collation + " NULLS FIRST"
        }.joined(separator: ", ")
        let target = SQLName.quoted(table)
        var rows: [ArchiveRow] = []
        for json in try await texts(
            """
            SELECT to_jsonb(r)::text FROM \(unescaped: target) r WHERE \(unescaped: SQLName.quoted(column)) = \(value)
            ORDER BY \(unescaped: order)
            """)
        {
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
            var row: ArchiveRow = [:]
            for (name, value) in object {
                guard let column = columns[name] else { continue }
                row[name] = try column.cell(value, table: table)
            }
            rows.append(row)
        }
        return rows
    }

    /// Refuses rows naming a column `table` does not have.
    func checkColumns(of rows: [ArchiveRow], in table: String) async throws {
        let columns = try await archiveColumns(of: table)
        for row in rows {
            if let unknown = row.keys.sorted().first(where: { columns[$0] == nil }) {
                throw TenantArchiveError.invalidRow(table: table, reason: "column \(unknown) is not in this database")
            }
        }
    }

    /// Inserts archive rows into `table`; a column the database assigns (an identity) is left for it to assign.
    func insertArchived(_ rows: [ArchiveRow], into table: String) async throws {
        guard !rows.isEmpty else { return }
        let columns = try await archiveColumns(of: table)
        let target = SQLName.quoted(table)
        for row in rows {
            var object: [String: Any] = [:]
            for (name, cell) in row {
                guard let column = columns[name] else {
                    throw TenantArchiveError.invalidRow(table: table, reason: "column \(name) is not in this database")
                }
                if !column.isGenerated { object[name] = try column.jsonValue(cell, table: table) }
            }
            let names = SQLName.list(object.keys.sorted())
            let json = String(
                decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
            do {
                try await run(
                    """
                    INSERT INTO \(unescaped: target) (\(unescaped: names)) SELECT \(unescaped: names)
                    FROM jsonb_populate_record(NULL::\(unescaped: target), \(json)::jsonb)
                    """)
            } catch let error as PSQLError {
                throw TenantArchiveError.invalidRow(
                    table: table, reason: error.serverInfo?[.message] ?? "the row breaks a rule of the table")
            }
        }
    }

    /// The primary key's columns of `table` in the current schema, in key order.
    private func primaryKey(of table: String) async throws -> [String] {
        try await texts(
            """
            SELECT a.attname::text FROM pg_index i
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
            WHERE i.indisprimary
            AND i.indrelid = (quote_ident(current_schema()) || '.' || quote_ident(\(table)))::regclass
            ORDER BY array_position(i.indkey::int2[], a.attnum)
            """)
    }
}
