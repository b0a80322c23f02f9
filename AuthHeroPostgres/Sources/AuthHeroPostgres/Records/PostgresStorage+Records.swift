import AuthHeroCore
import PostgresNIO

extension PostgresStorage {
    /// Inserts `record` into `table` in its tenant's transaction; refused when it belongs to another tenant than
    /// `tenantID`. With `ignoringConflicts`, a row that breaks a unique rule is skipped (an idempotent add).
    func insert<R: Encodable & TenantOwned & Sendable>(
        _ record: R, into table: String, tenantID: String, ignoringConflicts: Bool = false
    ) async throws {
        try requireTenant(record.tenantID, is: tenantID)
        try await withTenant(tenantID) {
            try await $0.insert(record, into: table, ignoringConflicts: ignoringConflicts)
        }
    }

    /// The row of `table` in tenant `tenantID` whose `column` equals `value`, if any.
    func find<R: Decodable & Sendable>(
        _ type: R.Type, in table: String, where column: String, is value: String, tenantID: String
    ) async throws -> R? {
        try await withTenant(tenantID) {
            try await $0.record(
                R.self,
                """
                SELECT to_jsonb(t)::text FROM \(unescaped: SQLName.quoted(table)) t
                WHERE tenant_id = \(tenantID) AND \(unescaped: SQLName.quoted(column)) = \(value)
                """)
        }
    }

    /// Replaces every column of `record`'s row in `table` (found by `key`), except `keeping`; throws
    /// `StorageError.notFound` (naming `what`) when there is no such row.
    func replace<R: Encodable & TenantOwned & Sendable>(
        _ record: R, in table: String, key: [String], keeping: Set<String> = [], tenantID: String, what: String
    ) async throws {
        try requireTenant(record.tenantID, is: tenantID)
        let changed = try await withTenant(tenantID) {
            try await $0.update(record, in: table, key: key, keeping: keeping)
        }
        if changed == 0 { throw StorageError.notFound(what) }
    }
}
