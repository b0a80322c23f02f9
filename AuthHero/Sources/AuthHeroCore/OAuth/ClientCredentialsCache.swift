import Foundation

/// Remembers, for a few seconds, what a `client_credentials` request reads (the client, the API it asks for and the
/// client's grant on it), so a machine client that asks for tokens again and again costs no storage reads.
///
/// Only complete answers are remembered: an unknown client, API or grant is read again every time. The secret is
/// still checked on every request against the remembered hash.
///
/// Bounded: at most `capacity` entries, the least recently used dropped first (``ExpiringCache``). Fresh: an entry lives `lifetime`
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

    /// How many entries are remembered by default.
    public static let defaultCapacity = 10_000

    private let entries: ExpiringCache<Key, Entry>

    /// Creates a cache that forgets a tenant's entries as soon as `invalidation` announces a change to them.
    public init(
        clock: any AuthHeroClock, invalidation: any AccessInvalidation,
        lifetime: TimeInterval = LiveAccessCache.defaultLifetime, capacity: Int = ClientCredentialsCache.defaultCapacity
    ) {
        let entries = ExpiringCache<Key, Entry>(clock: clock, lifetime: lifetime, capacity: capacity)
        self.entries = entries
        invalidation.observe { subject in
            switch subject {
            case .machineAccess(let tenantID), .tenant(let tenantID):
                entries.forget { key, _ in key.tenantID == tenantID }
            case .client(let clientID, let tenantID):
                // By the stored id, not the requested one, so no spelling of the id a lookup accepted survives.
                entries.forget { key, entry in key.tenantID == tenantID && entry.client.id == clientID }
            case .user:
                break
            }
        }
    }

    /// The fresh entry for `key`, if any, and the generation to pass to ``remember(_:_:generation:)`` otherwise.
    public func lookup(_ key: Key) -> (entry: Entry?, generation: Int) {
        let (entry, generation) = entries.lookup(key)
        return (entry, generation)
    }

    /// Remembers what storage answered for `key`, unless an invalidation arrived since `generation` was looked up.
    public func remember(_ key: Key, _ entry: Entry, generation: Int) {
        entries.remember(key, entry, generation: generation)
    }
}
