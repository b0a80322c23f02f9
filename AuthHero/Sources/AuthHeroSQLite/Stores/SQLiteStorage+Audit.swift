import AuthHeroCore
import Foundation
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

    public func auditEntries(_ filter: AuditFilter, window: ListWindow, tenantID: String) async throws
        -> ListSlice<AuditEntry>
    {
        try await read(tenantID) { db in
            let all = Self.auditRequest(filter, tenantID: tenantID)
            let rows = try Row.fetchAll(db, all.order(Column("id").desc).limit(window.limit, offset: window.offset))
            return ListSlice(items: try rows.map(Self.auditEntry), total: try all.fetchCount(db))
        }
    }

    public func auditEntries(_ filter: AuditFilter, after: Int64?, take: Int, tenantID: String) async throws
        -> [AuditEntry]
    {
        try await read(tenantID) { db in
            var request = Self.auditRequest(filter, tenantID: tenantID)
            if let after { request = request.filter(Column("id") > after) }
            return try Row.fetchAll(db, request.order(Column("id")).limit(max(0, take))).map(Self.auditEntry)
        }
    }

    public func pruneAuditEntries(before date: Date, tenantID: String) async throws -> Int {
        try await write(tenantID) { db in
            try AuditEvent.filter(Column("tenant_id") == tenantID && Column("occurred_at") < date).deleteAll(db)
        }
    }

    public func auditEntry(id: Int64, tenantID: String) async throws -> AuditEntry? {
        try await read(tenantID) { db in
            try Row.fetchOne(db, Self.auditRequest(AuditFilter(), tenantID: tenantID).filter(Column("id") == id))
                .map(Self.auditEntry)
        }
    }

    private static func auditRequest(_ filter: AuditFilter, tenantID: String) -> QueryInterfaceRequest<AuditEvent> {
        var request = AuditEvent.filter(Column("tenant_id") == tenantID)
        if let actor = filter.actor { request = request.filter(Column("actor") == actor) }
        if let action = filter.action { request = request.filter(Column("action") == action) }
        return request
    }

    private static func auditEntry(_ row: Row) throws -> AuditEntry {
        AuditEntry(id: row["id"], event: try AuditEvent(row: row))
    }
}
