import Foundation

/// Remembers, for a few seconds, what a `client_credentials` request reads (the client, the API it asks for and the
/// client's grant on it), so a machine client that asks for tokens again and again costs no storage reads.
///
/// Only complete answers are remembered: an unknown client, API or grant is read again every time. The secret is
/// still checked on every request against the remembered hash.
///
/// Bounded: at most `capacity` entries, the least recently used dropped first. Fresh: an entry lives `lifetime`
/// seconds of `clock`, and the ``AccessInvalidation`` announcement made after every write of a client, client grant
/// or resource server drops the tenant's entries at once, so a change made in this process applies to the next
/// request and one announced elsewhere as soon as it arrives, within `lifetime` if the announcement is lost.
public final class ClientCredentialsCache: Sendable {
    /// Which request an entry answers: client ids are unique only within a tenant, grants are per audience.
    public struct Key: Hashable, Sendable {
        public var tenantID: String
        public var clientID: String
        public var audience: String

        /// Creates the key of one client's request for one audience.
        public init(tenantID: String, clientID: String, audience: String) {
            self.tenantID = tenantID
            self.clientID = clientID
            self.audience = audience
        }
    }

    /// What a request for `Key` reads from storage.
    public struct Entry: Sendable {
        public var client: Client
        public var resourceServer: ResourceServer
        public var grant: ClientGrant

        /// Creates the entry of one client's request for one audience.
        public init(client: Client, resourceServer: ResourceServer, grant: ClientGrant) {
            self.client = client
            self.resourceServer = resourceServer
            self.grant = grant
        }
    }

    private struct Remembered {
        var entry: Entry
        var expiresAt: Date
        var lastUsed: Int
    }

    private struct State {
        /// Entries by tenant, so one announcement drops a tenant's entries without scanning the others.
        var tenants: [String: [Key: Remembered]] = [:]
        var count = 0
        var counter = 0
        /// Bumped by every invalidation, so a request that read storage before it cannot store an entry after it.
        var generation = 0

        mutating func drop(_ subject: AccessSubject) {
            switch subject {
            case .machineAccess(let tenantID):
                count -= tenants.removeValue(forKey: tenantID)?.count ?? 0
            case .client(let clientID, let tenantID):
                guard let entries = tenants[tenantID] else { break }
                // By the stored id, not the requested one, so no spelling of the id a lookup accepted survives.
                let kept = entries.filter { $0.value.entry.client.id != clientID }
                count -= entries.count - kept.count
                tenants[tenantID] = kept.isEmpty ? nil : kept
            case .user:
                break
            }
            generation += 1
        }

        mutating func evictLeastRecentlyUsed() {
            var oldest: (key: Key, lastUsed: Int)?
            for entries in tenants.values {
                for (key, remembered) in entries where remembered.lastUsed < oldest?.lastUsed ?? .max {
                    oldest = (key, remembered.lastUsed)
                }
            }
            guard let key = oldest?.key else { return }
            tenants[key.tenantID]?[key] = nil
            if tenants[key.tenantID]?.isEmpty == true { tenants[key.tenantID] = nil }
            count -= 1
        }
    }

    /// How many entries are remembered by default.
    public static let defaultCapacity = 10_000

    private let clock: any AuthHeroClock
    private let lifetime: TimeInterval
    private let capacity: Int
    private let state = LockedValue(State())

    /// Creates a cache that forgets a tenant's entries as soon as `invalidation` announces a change to them.
    public init(
        clock: any AuthHeroClock, invalidation: any AccessInvalidation,
        lifetime: TimeInterval = LiveAccessCache.defaultLifetime, capacity: Int = ClientCredentialsCache.defaultCapacity
    ) {
        self.clock = clock
        self.lifetime = lifetime
        self.capacity = max(1, capacity)
        invalidation.observe { [state] subject in state.withValue { $0.drop(subject) } }
    }

    /// The fresh entry for `key`, if any, and the generation to pass to ``remember(_:_:generation:)`` otherwise.
    public func lookup(_ key: Key) -> (entry: Entry?, generation: Int) {
        let now = clock.now()
        return state.withValue { state in
            guard var remembered = state.tenants[key.tenantID]?[key], remembered.expiresAt > now else {
                return (nil, state.generation)
            }
            state.counter += 1
            remembered.lastUsed = state.counter
            state.tenants[key.tenantID]?[key] = remembered
            return (remembered.entry, state.generation)
        }
    }

    /// Remembers what storage answered for `key`, unless an invalidation arrived since `generation` was looked up.
    public func remember(_ key: Key, _ entry: Entry, generation: Int) {
        let expiresAt = clock.now() + lifetime
        state.withValue { state in
            guard state.generation == generation else { return }
            if state.tenants[key.tenantID]?[key] == nil {
                if state.count >= capacity { state.evictLeastRecentlyUsed() }
                state.count += 1
            }
            state.counter += 1
            state.tenants[key.tenantID, default: [:]][key] = Remembered(
                entry: entry, expiresAt: expiresAt, lastUsed: state.counter)
        }
    }
}
