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
                try await storage.claimOutbox(
                    afterID: 0, limit: 10, maxAttempts: 2, now: StorageKind.now, claimUntil: StorageKind.now + 60
                ).map(\.change) == [
                    .roleSaved(id: "rol_1"), .resourceServerDeleted(identifier: "https://api"),
                ])

            try await storage.markOutboxDone([firstID], at: StorageKind.now + 2)
            try await storage.markOutboxFailed(secondID, error: "tenant b: conflict")
            let retried = try await storage.claimOutbox(
                afterID: 0, limit: 10, maxAttempts: 2, now: StorageKind.now, claimUntil: StorageKind.now + 60)
            #expect(retried.map(\.id) == [secondID])
            #expect(retried.first?.attempts == 1)
            #expect(retried.first?.lastError == "tenant b: conflict")
            try await storage.markOutboxFailed(secondID, error: "again")
            #expect(
                try await storage.claimOutbox(
                    afterID: 0, limit: 10, maxAttempts: 2, now: StorageKind.now, claimUntil: StorageKind.now + 60
                ).isEmpty)
            #expect(try await storage.outboxEntries().map(\.processedAt) == [StorageKind.now + 2, nil])
        }
    }

    @Test(arguments: StorageKind.allCases) func aClaimedEntryIsNotClaimedAgainUntilItsClaimLapses(_ kind: StorageKind)
        async throws
    {
        try await kind.withStorage { storage in
            let entry = try await storage.enqueueOutbox(.roleSaved(id: "rol_1"), at: StorageKind.now)
            let now = StorageKind.now
            let claimed = try await storage.claimOutbox(
                afterID: 0, limit: 10, maxAttempts: 2, now: now, claimUntil: now + 60)
            #expect(claimed.map(\.id) == [entry.id])
            #expect(claimed.first?.claimedUntil == now + 60)
            #expect(
                try await storage.claimOutbox(
                    afterID: 0, limit: 10, maxAttempts: 2, now: now + 59, claimUntil: now + 119
                )
                .isEmpty)
            let reclaimed = try await storage.claimOutbox(
                afterID: 0, limit: 10, maxAttempts: 2, now: now + 60, claimUntil: now + 120)
            #expect(reclaimed.map(\.id) == [entry.id])

            try await storage.markOutboxFailed(try #require(entry.id), error: "tenant b: conflict")
            let released = try await storage.claimOutbox(
                afterID: 0, limit: 10, maxAttempts: 2, now: now + 61, claimUntil: now + 121)
            #expect(released.map(\.id) == [entry.id], "a failed attempt releases its claim for the next pass")
            try await storage.markOutboxDone([try #require(entry.id)], at: now + 62)
            #expect(try await storage.outboxEntries().map(\.claimedUntil) == [nil])
        }
    }
}
