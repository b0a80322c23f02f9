import AuthHeroCore
import Foundation
import PostgresNIO

/// Counters are stored under the SHA-256 of their key: keys separate their parts with NUL, which PostgreSQL's text
/// cannot hold, and name accounts, which the table then never holds in the clear.
extension PostgresStorage: ThrottleCounterStore {
    /// One transaction that locks every counter it reads, in key order (so two attempts never wait on each other in
    /// a cycle): concurrent attempts on one key, from any process, are counted one after the other.
    public func admit(_ limits: [ThrottleLimit], now: Date) async throws -> ThrottleVerdict {
        let limits = limits.map { ThrottleLimit(key: SecretDigest.hash($0.key), limit: $0.limit, window: $0.window) }
        let keys = Array(Set(limits.map(\.key))).sorted()
        return try await withRegistry { session in
            // A missing counter is made first (already expired), so there is a row to lock.
            try await session.run(
                """
                INSERT INTO throttle_counters (key, count, window_end) SELECT unnest(\(keys)::text[]), 0, \(now)
                ON CONFLICT (key) DO NOTHING
                """)
            var live: [String: (count: Int, windowEnd: Date)] = [:]
            let rows = try await session.connection.query(
                """
                SELECT key, count::bigint, window_end FROM throttle_counters
                WHERE key = ANY(\(keys)) ORDER BY key FOR UPDATE
                """, logger: session.logger)
            // Expired counters are locked too: two attempts that both found one expired would otherwise both
            // start it again at one.
            for try await (key, count, windowEnd) in rows.decode((String, Int, Date).self) where windowEnd > now {
                live[key] = (count, windowEnd)
            }
            var retryAfter = 0
            for limit in limits {
                guard let counter = live[limit.key], counter.count >= limit.limit else { continue }
                retryAfter = max(retryAfter, Int(counter.windowEnd.timeIntervalSince(now).rounded(.up)))
            }
            if retryAfter > 0 { return .refused(retryAfter: retryAfter) }
            // Counted relative to the stored row, so a counter that another attempt re-created after a sweep is
            // still counted once per attempt.
            for limit in limits.sorted(by: { $0.key < $1.key }) {
                try await session.run(
                    """
                    INSERT INTO throttle_counters AS c (key, count, window_end) VALUES (\(limit.key), 1, \(now + limit.window))
                    ON CONFLICT (key) DO UPDATE SET
                        count = CASE WHEN c.window_end > \(now) THEN c.count + 1 ELSE 1 END,
                        window_end = CASE WHEN c.window_end > \(now) THEN c.window_end ELSE excluded.window_end END
                    """)
            }
            // A few expired counters go with each attempt, so a flood of distinct keys cannot grow the table
            // without bound; counters another attempt holds are skipped.
            try await session.run(
                """
                DELETE FROM throttle_counters WHERE key IN (
                    SELECT key FROM throttle_counters WHERE window_end <= \(now) LIMIT 16 FOR UPDATE SKIP LOCKED)
                """)
            return .admitted
        }
    }

    public func refund(_ key: String, now: Date) async throws {
        let key = SecretDigest.hash(key)
        try await withRegistry {
            try await $0.run(
                """
                UPDATE throttle_counters SET count = greatest(count - 1, 0) WHERE key = \(key) AND window_end > \(now)
                """)
        }
    }

    public func reset(_ key: String) async throws {
        let key = SecretDigest.hash(key)
        try await withRegistry { try await $0.run("DELETE FROM throttle_counters WHERE key = \(key)") }
    }
}
