import AuthHeroCore
import Foundation
import GRDB

extension SQLiteStorage: TenantArchiveStore {
    /// An archive of tenant `tenantID` (``TenantArchive``); throws ``TenantArchiveError/unknownTenant(_:)``.
    public func exportTenant(_ tenantID: String) async throws -> TenantArchive {
        TenantArchive(schemaVersion: SchemaMigrations.currentVersion, tenants: [try await archiveEntry(tenantID)])
    }

    /// An archive of every tenant, the control plane included, by id.
    public func exportAllTenants() async throws -> TenantArchive {
        var entries: [TenantArchive.Entry] = []
        for tenant in try await tenants() { entries.append(try await archiveEntry(tenant.id)) }
        return TenantArchive(schemaVersion: SchemaMigrations.currentVersion, tenants: entries)
    }

    /// Imports every tenant of `archive` into this storage, whatever layout it was exported from; returns their ids.
    ///
    /// The archive is checked whole before anything is written (format, version, schema, every row belonging to its
    /// tenant, and, unless `replacing`, no tenant existing already). Each tenant is then written all or nothing: in
    /// one transaction when its rows share the registry's file; with its own file, the file is built aside and moved
    /// into place after the registry commit (a crash in between leaves the tenant for reconcile to provision again).
    /// With `replacing`, an existing tenant's rows are replaced (its control-plane organization is left alone).
    @discardableResult
    public func importArchive(_ archive: TenantArchive, replacing: Bool = false) async throws -> [String] {
        let ids = try validate(archive)
        if !replacing {
            for id in ids where try await tenant(id) != nil { throw TenantArchiveError.tenantExists(id) }
        }
        for (entry, id) in zip(archive.tenants, ids) {
            if let perTenant = databases as? DatabasePerTenant, perTenant.isSeparate(id) {
                try await importSeparately(entry, id: id, into: perTenant)
            } else {
                try await importIntoRegistry(entry, id: id)
            }
        }
        return ids
    }

    private func archiveEntry(_ tenantID: String) async throws -> TenantArchive.Entry {
        let (tenant, registryRows) = try await readRegistry { db in
            let row = try Row.fetchOne(db, sql: "SELECT * FROM tenants WHERE id = ?", arguments: [tenantID])
            return (
                row.map(ArchiveRow.init),
                try ArchiveTables.rows(of: tenantID, in: ArchiveTables.registryTables.sorted(), db)
            )
        }
        guard let tenant else { throw TenantArchiveError.unknownTenant(tenantID) }
        let own = try await read(tenantID) { db in
            try ArchiveTables.rows(of: tenantID, in: try ArchiveTables.ownTables(db), db)
        }
        return TenantArchive.Entry(tenant: tenant, tables: registryRows.merging(own) { registry, _ in registry })
    }

    /// The tenant ids of `archive` after checking everything that can be checked without writing.
    private func validate(_ archive: TenantArchive) throws -> [String] {
        guard archive.format == TenantArchive.formatName else {
            throw TenantArchiveError.notAnArchive("format is \"\(archive.format)\"")
        }
        guard archive.version == TenantArchive.currentVersion else {
            throw TenantArchiveError.unsupportedVersion(archive.version)
        }
        guard SchemaMigrations.migrator.migrations.contains(archive.schemaVersion) else {
            throw TenantArchiveError.newerSchema(archive.schemaVersion)
        }
        return try archive.tenants.map { entry in
            guard let id = entry.tenantID, TenantFile.isSafeName(id) else {
                throw TenantArchiveError.foreignRow(table: "tenants", tenantID: "\(entry.tenant["id"] ?? .null)")
            }
            for (table, rows) in entry.tables where rows.contains(where: { $0["tenant_id"] != .text(id) }) {
                throw TenantArchiveError.foreignRow(table: table, tenantID: id)
            }
            return id
        }
    }

    /// A tenant whose rows live in the registry's file: one transaction.
    private func importIntoRegistry(_ entry: TenantArchive.Entry, id: String) async throws {
        try await writeRegistry { db in
            // Rows arrive table by table in name order; foreign keys are checked at commit.
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            try ArchiveTables.delete(tenantID: id, from: try ArchiveTables.tenantTables(db), db)
            try db.execute(sql: "DELETE FROM tenants WHERE id = ?", arguments: [id])
            try ArchiveTables.insertTenant(entry.tenant, db)
            try ArchiveTables.insert(entry.tables, tenantID: id, db)
        }
    }

    /// A tenant with its own file: the file is built aside, the registry rows committed, then the file moved in.
    private func importSeparately(_ entry: TenantArchive.Entry, id: String, into perTenant: DatabasePerTenant)
        async throws
    {
        let file = perTenant.strategy.tenantFile(id)
        let staged = URL(fileURLWithPath: file.path + ".importing")
        try FileManager.default.createDirectory(
            at: perTenant.strategy.tenantsFolder, withIntermediateDirectories: true)
        try TenantFile.remove(staged)
        let own = entry.tables.filter { !ArchiveTables.registryTables.contains($0.key) }
        let registryRows = entry.tables.filter { ArchiveTables.registryTables.contains($0.key) }
        do {
            let queue = try DatabaseQueue(path: staged.path)
            try SchemaMigrations.migrator.migrate(queue)
            try await translatingErrors {
                try await queue.write { db in
                    try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
                    try ArchiveTables.insertTenant(entry.tenant, db)
                    try ArchiveTables.insert(own, tenantID: id, db)
                }
            }
            try queue.close()
            try await writeRegistry { db in
                try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
                try ArchiveTables.delete(tenantID: id, from: ArchiveTables.registryTables.sorted(), db)
                try db.execute(sql: "DELETE FROM tenants WHERE id = ?", arguments: [id])
                try ArchiveTables.insertTenant(entry.tenant, db)
                try ArchiveTables.insert(registryRows, tenantID: id, db)
            }
        } catch {
            try? TenantFile.remove(staged)
            throw error
        }
        await perTenant.pools.retire(id)
        try TenantFile.remove(file)
        try FileManager.default.moveItem(at: staged, to: file)
    }
}
