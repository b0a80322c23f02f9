import AuthHeroCore
import AuthHeroTesting
import Foundation
import Testing

@Suite struct LoginTransactionStoreTests {
    private static let request = AuthorizationRequest(
        client: Client(tenantID: "t", id: "spa", name: "SPA", appType: .spa, secretHash: nil, createdAt: Date()),
        target: AuthorizationResponseTarget(
            redirectURI: "http://localhost/callback", responseMode: .query, state: nil, webOrigins: []),
        scope: "openid", nonce: nil, audience: nil, organization: nil, codeChallenge: nil, prompt: .automatic)

    @Test func aFullStoreDropsTheLeastRecentlyUsedTransaction() async throws {
        let store = InMemoryLoginTransactionStore(
            limits: LoginTransactionLimits(capacity: 3), clock: ManualClock())
        let first = try await store.begin(Self.request, tenantID: "t", clientAddress: "a")
        let second = try await store.begin(Self.request, tenantID: "t", clientAddress: "b")
        _ = try await store.begin(Self.request, tenantID: "t", clientAddress: "c")
        _ = try await store.transaction(first.id, tenantID: "t")
        _ = try await store.begin(Self.request, tenantID: "t", clientAddress: "d")
        #expect(await store.count == 3)
        _ = try await store.transaction(first.id, tenantID: "t")
        await #expect(throws: LoginError.transactionExpired) {
            try await store.transaction(second.id, tenantID: "t")
        }
    }

    @Test func oneAddressHoldsAtMostItsShare() async throws {
        let store = InMemoryLoginTransactionStore(
            limits: LoginTransactionLimits(perAddress: 2), clock: ManualClock())
        let first = try await store.begin(Self.request, tenantID: "t", clientAddress: "a")
        _ = try await store.begin(Self.request, tenantID: "u", clientAddress: "a")
        await #expect(throws: LoginError.tooManyTransactions) {
            try await store.begin(Self.request, tenantID: "t", clientAddress: "a")
        }
        _ = try await store.begin(Self.request, tenantID: "t", clientAddress: "b")
        await store.finish(first.id, tenantID: "t")
        _ = try await store.begin(Self.request, tenantID: "t", clientAddress: "a")
    }

    @Test func expiredTransactionsAreGoneAndFreeTheirAddress() async throws {
        let clock = ManualClock()
        let store = InMemoryLoginTransactionStore(
            limits: LoginTransactionLimits(lifetime: 60, perAddress: 1), clock: clock)
        let old = try await store.begin(Self.request, tenantID: "t", clientAddress: "a")
        clock.advance(by: 61)
        await #expect(throws: LoginError.transactionExpired) { try await store.transaction(old.id, tenantID: "t") }
        _ = try await store.begin(Self.request, tenantID: "t", clientAddress: "a")
        #expect(await store.count == 1)
    }

    @Test func aTransactionIsBoundToItsTenant() async throws {
        let store = InMemoryLoginTransactionStore(clock: ManualClock())
        let transaction = try await store.begin(Self.request, tenantID: "t", clientAddress: "a")
        await #expect(throws: LoginError.transactionExpired) {
            try await store.transaction(transaction.id, tenantID: "u")
        }
    }
}
