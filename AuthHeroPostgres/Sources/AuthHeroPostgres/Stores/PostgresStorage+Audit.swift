import AuthHeroCore
import Foundation
import PostgresNIO

extension PostgresStorage: AuditLog {
    public func append(_ event: AuditEvent, tenantID: String) async throws {
        try await insert(event, into: "audit_log", tenantID: tenantID)
    }

    public func events(tenantID: String, limit: Int) async throws -> [AuditEvent] {
        try await withTenant(tenantID) {
            try await $0.records(
                AuditEvent.self,
                "SELECT to_jsonb(a)::text FROM audit_log a WHERE tenant_id = \(tenantID) ORDER BY id DESC LIMIT \(limit)"
            )
        }
    }

    public func auditEntries(_ filter: AuditFilter, window: ListWindow, tenantID: String) async throws
        -> ListSlice<AuditEntry>
    {
        try await withTenant(tenantID) { session in
            // A NULL filter matches every row.
            let items = try await Self.entries(
                """
                SELECT id, to_jsonb(a)::text FROM audit_log a WHERE tenant_id = \(tenantID)
                AND (\(filter.actor)::text IS NULL OR actor = \(filter.actor))
                AND (\(filter.action)::text IS NULL OR action = \(filter.action))
                ORDER BY id DESC LIMIT \(window.limit) OFFSET \(window.offset)
                """, in: session)
            let total = try await session.integer(
                """
                SELECT count(*)::bigint FROM audit_log WHERE tenant_id = \(tenantID)
                AND (\(filter.actor)::text IS NULL OR actor = \(filter.actor))
                AND (\(filter.action)::text IS NULL OR action = \(filter.action))
                """)
            return ListSlice(items: items, total: total)
        }
    }

    public func auditEntries(_ filter: AuditFilter, after: Int64?, take: Int, tenantID: String) async throws
        -> [AuditEntry]
    {
        try await withTenant(tenantID) { session in
            try await Self.entries(
                """
                SELECT id, to_jsonb(a)::text FROM audit_log a WHERE tenant_id = \(tenantID)
                AND (\(filter.actor)::text IS NULL OR actor = \(filter.actor))
                AND (\(filter.action)::text IS NULL OR action = \(filter.action))
                AND (\(after)::bigint IS NULL OR id > \(after))
                ORDER BY id LIMIT \(max(0, take))
                """, in: session)
        }
    }

    public func pruneAuditEntries(before date: Date, tenantID: String) async throws -> Int {
        try await withTenant(tenantID) {
            try await $0.changes(
                "DELETE FROM audit_log WHERE tenant_id = \(tenantID) AND occurred_at < \(date) RETURNING 1")
        }
    }

    public func auditEntry(id: Int64, tenantID: String) async throws -> AuditEntry? {
        try await withTenant(tenantID) { session in
            try await Self.entries(
                "SELECT id, to_jsonb(a)::text FROM audit_log a WHERE tenant_id = \(tenantID) AND id = \(id)",
                in: session
            ).first
        }
    }

    /// The entries of `query`, which selects the log's id and the row as `to_jsonb(…)::text`.
    private static func entries(_ query: PostgresQuery, in session: StorageSession) async throws -> [AuditEntry] {
        var entries: [AuditEntry] = []
        for try await (id, json) in try await session.connection.query(query, logger: session.logger)
            .decode((Int64, String).self)
        {
            entries.append(AuditEntry(id: id, event: try RowCoding.record(AuditEvent.self, from: json)))
        }
        return entries
    }
}
