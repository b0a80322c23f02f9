import AuthHeroCore
import Foundation
import PostgresNIO

extension PostgresStorage: OutboxStore {
    public func enqueueOutbox(_ change: ControlPlaneChange, at date: Date) async throws -> OutboxEntry {
        let json = try RowCoding.columnValue(change)
        let id = try await withRegistry {
            try await $0.integer(
                "INSERT INTO outbox (change, created_at) VALUES (\(json)::jsonb, \(date)) RETURNING id")
        }
        var entry = OutboxEntry(change: change, createdAt: date)
        entry.id = Int64(id)
        return entry
    }

    /// Rows another process is claiming right now are skipped rather than waited for (`SKIP LOCKED`); a row it claimed
    /// a moment ago fails the `claimed_until` test once PostgreSQL re-reads it after the lock.
    public func claimOutbox(afterID: Int64, limit: Int, maxAttempts: Int, now: Date, claimUntil: Date) async throws
        -> [OutboxEntry]
    {
        try await withRegistry {
            try await $0.records(
                OutboxEntry.self,
                """
                WITH claimed AS (
                    UPDATE outbox SET claimed_until = \(claimUntil)
                    WHERE id IN (
                        SELECT id FROM outbox
                        WHERE id > \(afterID) AND processed_at IS NULL AND attempts < \(maxAttempts)
                        AND (claimed_until IS NULL OR claimed_until <= \(now))
                        ORDER BY id LIMIT \(limit)
                        FOR UPDATE SKIP LOCKED
                    )
                    RETURNING *
                )
                SELECT to_jsonb(o)::text FROM claimed o ORDER BY id
                """)
        }
    }

    public func markOutboxDone(_ ids: [Int64], at date: Date) async throws {
        try await withRegistry {
            try await $0.run("UPDATE outbox SET processed_at = \(date), claimed_until = NULL WHERE id = ANY(\(ids))")
        }
    }

    public func markOutboxFailed(_ id: Int64, error: String) async throws {
        try await withRegistry {
            try await $0.run(
                "UPDATE outbox SET attempts = attempts + 1, last_error = \(error), claimed_until = NULL WHERE id = \(id)"
            )
        }
    }

    public func pruneOutbox(before date: Date, maxAttempts: Int) async throws -> Int {
        try await withRegistry {
            try await $0.changes(
                """
                DELETE FROM outbox WHERE processed_at < \(date)
                OR (processed_at IS NULL AND attempts >= \(maxAttempts) AND created_at < \(date))
                RETURNING 1
                """)
        }
    }

    public func outboxEntries() async throws -> [OutboxEntry] {
        try await withRegistry {
            try await $0.records(OutboxEntry.self, "SELECT to_jsonb(o)::text FROM outbox o ORDER BY id")
        }
    }
}
