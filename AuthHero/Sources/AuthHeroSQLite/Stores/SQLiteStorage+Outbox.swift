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

    public func claimOutbox(afterID: Int64, limit: Int, maxAttempts: Int, now: Date, claimUntil: Date) async throws
        -> [OutboxEntry]
    {
        try await writeRegistry { db in
            let claimable =
                Column("id") > afterID && Column("processed_at") == nil && Column("attempts") < maxAttempts
                && (Column("claimed_until") == nil || Column("claimed_until") <= now)
            var entries = try OutboxEntry.filter(claimable).order(Column("id")).limit(limit).fetchAll(db)
            try OutboxEntry.filter(entries.compactMap(\.id).contains(Column("id")))
                .updateAll(db, Column("claimed_until").set(to: claimUntil))
            for index in entries.indices { entries[index].claimedUntil = claimUntil }
            return entries
        }
    }

    public func markOutboxDone(_ ids: [Int64], at date: Date) async throws {
        _ = try await writeRegistry { db in
            try OutboxEntry.filter(ids.contains(Column("id"))).updateAll(
                db, Column("processed_at").set(to: date), Column("claimed_until").set(to: nil))
        }
    }

    public func markOutboxFailed(_ id: Int64, error: String) async throws {
        _ = try await writeRegistry { db in
            try OutboxEntry.filter(Column("id") == id).updateAll(
                db, Column("attempts").set(to: Column("attempts") + 1), Column("last_error").set(to: error),
                Column("claimed_until").set(to: nil))
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
