import Foundation

/// Remembers, for a few seconds, whether a token's subject still has access (the user exists and is not blocked,
/// is still a member of the organization; the client exists), so the Management API can check it on every request
/// without reading storage every time.
///
/// Bounded: at most `capacity` subjects, the oldest dropped first. Fresh: an entry lives `lifetime` seconds of
/// `clock`, and every ``AccessInvalidation`` drops the subject's entries at once, so a removal made in this process
/// takes effect on the next request and one made elsewhere within `lifetime`.
public final class LiveAccessCache: Sendable {
    /// What one check is about: the subject, and for an organization token the organization.
    public struct Key: Hashable, Sendable {
        public var subject: AccessSubject
        public var organizationID: String?

        /// Creates a key; `organizationID` only for a check of membership.
        public init(_ subject: AccessSubject, organizationID: String? = nil) {
            self.subject = subject
            self.organizationID = organizationID
        }
    }

    private struct State {
        /// Verdicts by subject, then by organization (nil: the subject itself).
        var entries: [AccessSubject: [String?: (granted: Bool, expiresAt: Date)]] = [:]
        /// When each subject was first remembered, to drop the oldest when full.
        var order: [AccessSubject: Int] = [:]
        var counter = 0
        /// Bumped by every invalidation, so a check that read storage before it cannot store a verdict after it.
        var generation = 0
    }

    /// How long an entry is trusted when no invalidation arrives: the bound on how late another process's removal
    /// is seen.
    public static let defaultLifetime: TimeInterval = 5
    /// How many subjects are remembered by default.
    public static let defaultCapacity = 10_000

    private let clock: any AuthHeroClock
    private let lifetime: TimeInterval
    private let capacity: Int
    private let state = LockedValue(State())

    /// Creates a cache that forgets a subject as soon as `invalidation` announces it.
    public init(
        clock: any AuthHeroClock, invalidation: any AccessInvalidation,
        lifetime: TimeInterval = LiveAccessCache.defaultLifetime, capacity: Int = LiveAccessCache.defaultCapacity
    ) {
        self.clock = clock
        self.lifetime = lifetime
        self.capacity = max(1, capacity)
        invalidation.observe { [state] subject in
            state.withValue { state in
                state.entries[subject] = nil
                state.order[subject] = nil
                state.generation += 1
            }
        }
    }

    /// Whether `key` has access: the remembered verdict while it is fresh, otherwise `check()`'s, remembered.
    public func granted(_ key: Key, check: () async throws -> Bool) async throws -> Bool {
        let now = clock.now()
        let (remembered, generation) = state.withValue { state -> (Bool?, Int) in
            guard let verdict = state.entries[key.subject]?[key.organizationID], verdict.expiresAt > now
            else { return (nil, state.generation) }
            return (verdict.granted, state.generation)
        }
        if let remembered { return remembered }
        let granted = try await check()
        remember(key, granted: granted, expiresAt: now + lifetime, generation: generation)
        return granted
    }

    private func remember(_ key: Key, granted: Bool, expiresAt: Date, generation: Int) {
        state.withValue { state in
            guard state.generation == generation else { return }
            if state.entries[key.subject] == nil {
                if state.entries.count >= capacity, let oldest = state.order.min(by: { $0.value < $1.value })?.key {
                    state.entries[oldest] = nil
                    state.order[oldest] = nil
                }
                state.counter += 1
                state.entries[key.subject] = [:]
                state.order[key.subject] = state.counter
            }
            state.entries[key.subject]?[key.organizationID] = (granted, expiresAt)
        }
    }
}
