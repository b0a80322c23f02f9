import Foundation

/// What the runtime's caches share: a map from `Key` to `Value` whose entries live `lifetime` seconds of `clock`,
/// holding at most `capacity` entries, safe to use from any task.
///
/// The bound costs O(1) per insertion: entries sit in two generations, and when the recent one is full it becomes
/// the older one and the older one is dropped; a hit in the older generation moves the entry back to the recent one.
/// So what is dropped first is what has not been used for longest, without a scan or a linked list.
///
/// A caller that reads storage on a miss passes the ``lookup(_:)`` generation back to ``remember(_:_:generation:)``:
/// an entry read before a ``forget(where:)`` is then not stored after it, so an invalidation cannot be undone by a
/// read that was already in flight.
final class ExpiringCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry {
        var value: Value
        var expiresAt: Date
    }

    private struct State {
        var recent: [Key: Entry] = [:]
        var older: [Key: Entry] = [:]
        /// Bumped by every ``forget(where:)``.
        var generation = 0
    }

    private let clock: any AuthHeroClock
    private let lifetime: TimeInterval
    /// Entries per generation: half the capacity, so both together hold at most the capacity.
    private let generationSize: Int
    private let state = LockedValue(State())

    /// Creates an empty cache.
    init(clock: any AuthHeroClock, lifetime: TimeInterval, capacity: Int) {
        self.clock = clock
        self.lifetime = lifetime
        self.generationSize = max(1, capacity / 2)
    }

    /// The fresh value for `key`, if any, and the generation to pass to ``remember(_:_:generation:)`` otherwise.
    func lookup(_ key: Key) -> (value: Value?, generation: Int) {
        let now = clock.now()
        return state.withValue { state in
            if let entry = state.recent[key] {
                return (entry.expiresAt > now ? entry.value : nil, state.generation)
            }
            guard let entry = state.older.removeValue(forKey: key), entry.expiresAt > now else {
                return (nil, state.generation)
            }
            Self.insert(key, entry, into: &state, generationSize: generationSize)
            return (entry.value, state.generation)
        }
    }

    /// Remembers `value` for `key` for one lifetime, unless something was forgotten since `generation`.
    func remember(_ key: Key, _ value: Value, generation: Int) {
        let entry = Entry(value: value, expiresAt: clock.now() + lifetime)
        state.withValue { state in
            guard state.generation == generation else { return }
            state.older[key] = nil
            Self.insert(key, entry, into: &state, generationSize: generationSize)
        }
    }

    /// The fresh value for `key`, or `load()`'s, remembered when it is not nil and `keep` accepts it (a miss, or a
    /// value not kept, is read again next time).
    func value(
        _ key: Key, keep: (Value) -> Bool = { _ in true }, load: () async throws -> Value?
    ) async throws -> Value? {
        let (cached, generation) = lookup(key)
        if let cached { return cached }
        let loaded = try await load()
        if let loaded, keep(loaded) { remember(key, loaded, generation: generation) }
        return loaded
    }

    /// Drops every entry `matches` selects. It scans the entries: invalidations follow writes, which are rare next to
    /// the reads the cache serves.
    func forget(where matches: (Key, Value) -> Bool) {
        state.withValue { state in
            state.recent = state.recent.filter { !matches($0.key, $0.value.value) }
            state.older = state.older.filter { !matches($0.key, $0.value.value) }
            state.generation += 1
        }
    }

    /// How many entries are held, fresh or not yet dropped.
    var count: Int { state.withValue { $0.recent.count + $0.older.count } }

    private static func insert(_ key: Key, _ entry: Entry, into state: inout State, generationSize: Int) {
        if state.recent[key] == nil, state.recent.count >= generationSize {
            state.older = state.recent
            state.recent = [:]
        }
        state.recent[key] = entry
    }
}
