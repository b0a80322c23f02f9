import AuthHeroCore
import AuthHeroSQLite
import Foundation
import Testing

@Suite struct KeyStorageTests {
    @Test func replacingTheCurrentKeyDemotesTheOldOneAtomically() async throws {
        let database = try await TemporaryStorage()
        let first = SigningKey(
            tenantID: "a", kid: "k1", algorithm: .rs256, privateKeyPEM: "pem1", createdAt: database.now)
        try await database.storage.insertKey(first, tenantID: "a")
        let second = SigningKey(
            tenantID: "a", kid: "k2", algorithm: .rs256, privateKeyPEM: "pem2", createdAt: database.now + 1)
        let graceEnd = database.now + 100
        try await database.storage.replaceCurrentKey(with: second, tenantID: "a") { old in
            var old = old
            old.status = .previous
            old.publishedUntil = graceEnd
            return old
        }
        let keys = try await database.storage.keys(tenantID: "a")
        #expect(keys.map(\.kid) == ["k2", "k1"])
        #expect(keys.map(\.status) == [.current, .previous])
        #expect(keys[1].publishedUntil == graceEnd)
        #expect(try await database.storage.keys(tenantID: "b").isEmpty)
    }

    @Test func twoCurrentKeysOfOneAlgorithmAreRefused() async throws {
        let database = try await TemporaryStorage()
        try await database.storage.insertKey(
            SigningKey(tenantID: "a", kid: "k1", algorithm: .rs256, privateKeyPEM: "p", createdAt: database.now),
            tenantID: "a")
        await #expect(throws: StorageError.self) {
            try await database.storage.insertKey(
                SigningKey(tenantID: "a", kid: "k2", algorithm: .rs256, privateKeyPEM: "p", createdAt: database.now),
                tenantID: "a")
        }
    }
}
