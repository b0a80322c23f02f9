import AuthHeroCore
import Foundation
import GRDB

extension SQLiteStorage {
    public func enqueueOutbox(_ change: ControlPlaneChange, at date: Date) async throws -> OutboxEntry {
        try await writeRegistry { db in
            var entry = OutboxEntry(change: change, createdAt: date)
            try entry.insert(db)
            entry.id = db.lastInsertedRowID
            return entry
        }
    }

    public func claimOutbox(afterID: Int64, limit: Int, maxAttempts: Int) async throws -> [OutboxEntry] {
        try await readRegistry { db in
            try OutboxEntry.filter(
                Column("id") > afterID && Column("processed_at") == nil && Column("attempts") < maxAttempts
            ).order(Column("id")).limit(limit).fetchAll(db)
        }
    }

    public func markOutboxDone(_ ids: [Int64], at date: Date) async throws {
        _ = try await writeRegistry { db in
            try OutboxEntry.filter(ids.contains(Column("id"))).updateAll(db, Column("processed_at").set(to: date))
        }
    }

    public func markOutboxFailed(_ id: Int64, error: String) async throws {
        _ = try await writeRegistry { db in
            try OutboxEntry.filter(Column("id") == id).updateAll(
                db, Column("attempts").set(to: Column("attempts") + 1), Column("last_error").set(to: error))
        }
    }

    public func pruneOutbox(before date: Date, maxAttempts: Int) async throws -> Int {
        try await writeRegistry { db in
            try OutboxEntry.filter(
                Column("processed_at") < date
                    || (Column("processed_at") == nil && Column("attempts") >= maxAttempts
                        && Column("created_at") < date)
            ).deleteAll(db)
        }
    }

    public func outboxEntries() async throws -> [OutboxEntry] {
        try await readRegistry { try OutboxEntry.order(Column("id")).fetchAll($0) }
    }
}
