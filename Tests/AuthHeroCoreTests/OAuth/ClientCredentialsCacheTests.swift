import AuthHeroCore
import AuthHeroTesting
import Foundation
import Testing

/// ``ClientCredentialsCache``: bounded, short-lived, and emptied for a tenant or a client by every announcement.
@Suite struct ClientCredentialsCacheTests {
    private let clock = ManualClock()
    private let invalidation = InMemoryAccessInvalidation()

    private func cache(capacity: Int = 10) -> ClientCredentialsCache {
        ClientCredentialsCache(clock: clock, invalidation: invalidation, lifetime: 5, capacity: capacity)
    }

    private static func key(_ tenantID: String, _ clientID: String, audience: String = "https://api")
        -> ClientCredentialsCache.Key
    {
        ClientCredentialsCache.Key(tenantID: tenantID, clientID: clientID, audience: audience)
    }

    private static func entry(_ key: ClientCredentialsCache.Key) -> ClientCredentialsCache.Entry {
        ClientCredentialsCache.Entry(
            client: Client(
                tenantID: key.tenantID, id: key.clientID, name: key.clientID, appType: .machineToMachine,
                secretHash: SecretDigest.hash("secret"), createdAt: Date(timeIntervalSince1970: 0)),
            resourceServer: ResourceServer(
                tenantID: key.tenantID, id: "rs_1", identifier: key.audience, name: "API"),
            grant: ClientGrant(
                tenantID: key.tenantID, id: "cgr_1", clientID: key.clientID, audience: key.audience,
                scope: ["read:data"]))
    }

    private func store(_ key: ClientCredentialsCache.Key, in cache: ClientCredentialsCache) {
        cache.remember(key, Self.entry(key), generation: cache.lookup(key).generation)
    }

    @Test func anEntryIsServedUntilItsLifetimeEnds() {
        let cache = cache()
        let key = Self.key("alpha", "m2m")
        store(key, in: cache)
        clock.advance(by: 4.9)
        #expect(cache.lookup(key).entry?.grant.scope == ["read:data"])
        clock.advance(by: 0.1)
        #expect(cache.lookup(key).entry == nil)
    }

    @Test func aMachineAccessAnnouncementEmptiesOnlyThatTenant() async {
        let cache = cache()
        store(Self.key("alpha", "m2m"), in: cache)
        store(Self.key("alpha", "other"), in: cache)
        store(Self.key("beta", "m2m"), in: cache)
        await invalidation.invalidate(machineAccessOf: "alpha")
        #expect(cache.lookup(Self.key("alpha", "m2m")).entry == nil)
        #expect(cache.lookup(Self.key("alpha", "other")).entry == nil)
        #expect(cache.lookup(Self.key("beta", "m2m")).entry != nil)
    }

    @Test func aClientAnnouncementEmptiesOnlyThatClientsEntries() async {
        let cache = cache()
        store(Self.key("alpha", "m2m"), in: cache)
        store(Self.key("alpha", "m2m", audience: "https://other"), in: cache)
        store(Self.key("alpha", "other"), in: cache)
        store(Self.key("beta", "m2m"), in: cache)
        await invalidation.invalidate(client: "m2m", tenant: "alpha")
        #expect(cache.lookup(Self.key("alpha", "m2m")).entry == nil)
        #expect(cache.lookup(Self.key("alpha", "m2m", audience: "https://other")).entry == nil)
        #expect(cache.lookup(Self.key("alpha", "other")).entry != nil)
        #expect(cache.lookup(Self.key("beta", "m2m")).entry != nil)
    }

    @Test func aReadThatAnAnnouncementOvertookIsNotRemembered() async {
        let cache = cache()
        let key = Self.key("alpha", "m2m")
        let generation = cache.lookup(key).generation
        await invalidation.invalidate(machineAccessOf: "alpha")
        cache.remember(key, Self.entry(key), generation: generation)
        #expect(cache.lookup(key).entry == nil)
    }

    @Test func theLeastRecentlyUsedEntryMakesRoomWhenFull() {
        let cache = cache(capacity: 2)
        let (first, second, third) = (Self.key("alpha", "a"), Self.key("alpha", "b"), Self.key("beta", "c"))
        store(first, in: cache)
        store(second, in: cache)
        #expect(cache.lookup(first).entry != nil)
        store(third, in: cache)
        #expect(cache.lookup(second).entry == nil)
        #expect(cache.lookup(first).entry != nil)
        #expect(cache.lookup(third).entry != nil)
    }

    @Test func manyEntriesNeverHoldMoreThanTheCapacity() {
        let cache = cache(capacity: 10)
        let keys = (0..<100).map { Self.key("alpha", "client-\($0)") }
        for key in keys { store(key, in: cache) }
        let held = keys.filter { cache.lookup($0).entry != nil }
        #expect(held.count <= 10)
        #expect(held.count >= 5)
        // The newest stay.
        #expect(held.contains(keys[99]))
    }
}
