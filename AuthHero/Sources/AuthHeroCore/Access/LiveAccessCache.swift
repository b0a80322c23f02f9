import Foundation

/// Remembers, for a few seconds, whether a token's subject still has access (the user exists and is not blocked,
/// is still a member of the organization; the client exists), so the Management API can check it on every request
/// without reading storage every time.
///
/// Bounded: at most `capacity` verdicts, the least recently used dropped first (``ExpiringCache``). Fresh: an entry lives `lifetime` seconds of
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

    /// How long an entry is trusted when no invalidation arrives: the bound on how late another process's removal
    /// is seen.
    public static let defaultLifetime: TimeInterval = 5
    /// How many subjects are remembered by default.
    public static let defaultCapacity = 10_000

    private let verdicts: ExpiringCache<Key, Bool>

    /// Creates a cache that forgets a subject as soon as `invalidation` announces it.
    public init(
        clock: any AuthHeroClock, invalidation: any AccessInvalidation,
        lifetime: TimeInterval = LiveAccessCache.defaultLifetime, capacity: Int = LiveAccessCache.defaultCapacity
    ) {
        let verdicts = ExpiringCache<Key, Bool>(clock: clock, lifetime: lifetime, capacity: capacity)
        self.verdicts = verdicts
        invalidation.observe { subject in
            switch subject {
            case .tenant(let tenantID): verdicts.forget { key, _ in key.subject.tenantID == tenantID }
            default: verdicts.forget { key, _ in key.subject == subject }
            }
        }
    }

    /// Whether `key` has access: the remembered verdict while it is fresh, otherwise `check()`'s, remembered.
    public func granted(_ key: Key, check: () async throws -> Bool) async throws -> Bool {
        let (remembered, generation) = verdicts.lookup(key)
        if let remembered { return remembered }
        let granted = try await check()
        verdicts.remember(key, granted, generation: generation)
        return granted
    }
}
