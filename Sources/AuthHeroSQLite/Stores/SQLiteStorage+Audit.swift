import AuthHeroCore
import GRDB

extension SQLiteStorage {
    public func append(_ event: AuditEvent, tenantID: String) async throws {
        try await write(tenantID) { try owned(event, by: tenantID).insert($0) }
    }

    public func events(tenantID: String, limit: Int) async throws -> [AuditEvent] {
        try await read(tenantID) { db in
            try AuditEvent.filter(Column("tenant_id") == tenantID).order(Column("id").desc).limit(limit).fetchAll(db)
        }
    }
}
