import Foundation

/// ``ThrottleCounterStore`` in process memory, for one server process (SQLite). Expired counters are dropped once
/// the table doubles in size since the last sweep, so a flood of distinct keys costs amortized O(1) per attempt
/// and cannot grow memory without bound.
public actor InMemoryThrottleCounterStore: ThrottleCounterStore {
    private struct Counter {
        var count: Int
        var windowEnd: Date
    }

    private var counters: [String: Counter] = [:]
    private var sweepAt = 10_000

    /// Creates an empty store.
    public init() {}

    public func admit(_ limits: [ThrottleLimit], now: Date) -> ThrottleVerdict {
        var retryAfter = 0
        for limit in limits {
            guard let counter = live(limit.key, now: now), counter.count >= limit.limit else { continue }
            retryAfter = max(retryAfter, Int(counter.windowEnd.timeIntervalSince(now).rounded(.up)))
        }
        if retryAfter > 0 { return .refused(retryAfter: retryAfter) }
        for limit in limits {
            var counter = live(limit.key, now: now) ?? Counter(count: 0, windowEnd: now + limit.window)
            counter.count += 1
            counters[limit.key] = counter
        }
        sweepIfLarge(now: now)
        return .admitted
    }

    public func refund(_ key: String, now: Date) {
        guard var counter = live(key, now: now) else { return }
        counter.count = max(0, counter.count - 1)
        counters[key] = counter
    }

    public func reset(_ key: String) {
        counters[key] = nil
    }

    /// How many counters are held (expired ones included until the next sweep).
    public var count: Int { counters.count }

    private func live(_ key: String, now: Date) -> Counter? {
        guard let counter = counters[key], counter.windowEnd > now else { return nil }
        return counter
    }

    private func sweepIfLarge(now: Date) {
        guard counters.count > sweepAt else { return }
        counters = counters.filter { $0.value.windowEnd > now }
        sweepAt = max(10_000, counters.count * 2)
    }
}
