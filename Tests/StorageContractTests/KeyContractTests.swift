import AuthHeroCore
import Foundation
import Testing

@Suite struct KeyContractTests {
    @Test(arguments: StorageKind.allCases) func replacingTheCurrentKeyDemotesTheOldOneAtomically(_ kind: StorageKind)
        async throws
    {
        try await kind.withStorage { storage in
            let first = SigningKey(
                tenantID: "a", kid: "k1", algorithm: .rs256, privateKeyPEM: "pem1", createdAt: StorageKind.now)
            try await storage.insertKey(first, tenantID: "a")
            let second = SigningKey(
                tenantID: "a", kid: "k2", algorithm: .rs256, privateKeyPEM: "pem2", createdAt: StorageKind.now + 1)
            let graceEnd = StorageKind.now + 100
            try await storage.replaceCurrentKey(with: second, tenantID: "a") { old in
                var old = old
                old.status = .previous
                old.publishedUntil = graceEnd
                return old
            }
            let keys = try await storage.keys(tenantID: "a")
            #expect(keys.map(\.kid) == ["k2", "k1"])
            #expect(keys.map(\.status) == [.current, .previous])
            #expect(keys[1].publishedUntil == graceEnd)
            #expect(try await storage.keys(tenantID: "b").isEmpty)
        }
    }

    @Test(arguments: StorageKind.allCases) func twoCurrentKeysOfOneAlgorithmAreRefused(_ kind: StorageKind) async throws
    {
        try await kind.withStorage { storage in
            try await storage.insertKey(
                SigningKey(tenantID: "a", kid: "k1", algorithm: .rs256, privateKeyPEM: "p", createdAt: StorageKind.now),
                tenantID: "a")
            await #expect(throws: StorageError.self) {
                try await storage.insertKey(
                    SigningKey(
                        tenantID: "a", kid: "k2", algorithm: .rs256, privateKeyPEM: "p", createdAt: StorageKind.now),
                    tenantID: "a")
            }
        }
    }
}
