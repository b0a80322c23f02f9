import AuthHeroCore
import Foundation
import Testing

@Suite struct OutboxContractTests {
    @Test(arguments: StorageKind.allCases) func pendingEntriesAreClaimedInOrderUntilDoneOrOutOfAttempts(
        _ kind: StorageKind
    ) async throws {
        try await kind.withStorage { storage in
            let first = try await storage.enqueueOutbox(.roleSaved(id: "rol_1"), at: StorageKind.now)
            let second = try await storage.enqueueOutbox(
                .resourceServerDeleted(identifier: "https://api"), at: StorageKind.now + 1)
            let firstID = try #require(first.id)
            let secondID = try #require(second.id)
            #expect(firstID < secondID)
            #expect(
                try await storage.claimOutbox(afterID: 0, limit: 10, maxAttempts: 2).map(\.change) == [
                    .roleSaved(id: "rol_1"), .resourceServerDeleted(identifier: "https://api"),
                ])

            try await storage.markOutboxDone([firstID], at: StorageKind.now + 2)
            try await storage.markOutboxFailed(secondID, error: "tenant b: conflict")
            let retried = try await storage.claimOutbox(afterID: 0, limit: 10, maxAttempts: 2)
            #expect(retried.map(\.id) == [secondID])
            #expect(retried.first?.attempts == 1)
            #expect(retried.first?.lastError == "tenant b: conflict")
            try await storage.markOutboxFailed(secondID, error: "again")
            #expect(try await storage.claimOutbox(afterID: 0, limit: 10, maxAttempts: 2).isEmpty)
            #expect(try await storage.outboxEntries().map(\.processedAt) == [StorageKind.now + 2, nil])
        }
    }
}
