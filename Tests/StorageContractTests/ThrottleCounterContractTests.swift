import AuthHeroCore
import AuthHeroPostgres
import Foundation
import Testing

/// A throttle counter store the contract runs on: process memory (SQLite's single process) or the database every
/// PostgreSQL server process shares.
enum ThrottleStoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case inMemory = "in memory"
    case postgresShared = "PostgreSQL shared"
    case postgresSchemaPerTenant = "PostgreSQL schema-per-tenant"

    var testDescription: String { rawValue }

    func withStore(_ body: (any ThrottleCounterStore) async throws -> Void) async throws {
        switch self {
        case .inMemory: try await body(InMemoryThrottleCounterStore())
        case .postgresShared: try await PostgresFixture.withStorage(.shared, body)
        case .postgresSchemaPerTenant: try await PostgresFixture.withStorage(.schemaPerTenant, body)
        }
    }
}

@Suite struct ThrottleCounterContractTests {
    let now = StorageKind.now

    @Test(arguments: ThrottleStoreKind.allCases) func concurrentAttemptsAreEachCounted(_ kind: ThrottleStoreKind)
        async throws
    {
        try await kind.withStore { (store) async throws in
            let limit = ThrottleLimit(key: "a|ann@example.com|127.0.0.1", limit: 5, window: 900)
            let now = now
            let verdicts = try await withThrowingTaskGroup(of: ThrottleVerdict.self) { group in
                for _ in 0..<20 { group.addTask { try await store.admit([limit], now: now) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(verdicts.filter { $0 == .admitted }.count == 5)
            #expect(verdicts.filter { $0 == .refused(retryAfter: 900) }.count == 15)
        }
    }

    @Test(arguments: ThrottleStoreKind.allCases) func aRefusalCountsNothingAndTheNextWindowStartsAgain(
        _ kind: ThrottleStoreKind
    ) async throws {
        try await kind.withStore { (store) async throws in
            let account = ThrottleLimit(key: "account", limit: 2, window: 60)
            let address = ThrottleLimit(key: "address", limit: 10, window: 60)
            #expect(try await store.admit([account, address], now: now) == .admitted)
            #expect(try await store.admit([account, address], now: now + 10) == .admitted)
            #expect(try await store.admit([account, address], now: now + 20) == .refused(retryAfter: 40))
            // The refused attempt did not count against the address: 8 more fit in its window.
            let other = ThrottleLimit(key: "other", limit: 100, window: 60)
            for _ in 0..<8 { #expect(try await store.admit([address, other], now: now + 30) == .admitted) }
            #expect(try await store.admit([address, other], now: now + 30) == .refused(retryAfter: 30))
            #expect(try await store.admit([account, address], now: now + 60) == .admitted)
        }
    }

    /// The keys the login throttle makes: parts separated by NUL, an account of any characters.
    @Test(arguments: ThrottleStoreKind.allCases) func keysMayHoldAnyCharacter(_ kind: ThrottleStoreKind) async throws {
        try await kind.withStore { (store) async throws in
            let key = "login\u{0}a\u{0}127.0.0.1\u{0}ann+ü@example.com"
            let limit = ThrottleLimit(key: key, limit: 1, window: 60)
            #expect(try await store.admit([limit], now: now) == .admitted)
            #expect(try await store.admit([limit], now: now) == .refused(retryAfter: 60))
            #expect(
                try await store.admit([ThrottleLimit(key: key + "x", limit: 1, window: 60)], now: now) == .admitted)
            try await store.reset(key)
            #expect(try await store.admit([limit], now: now) == .admitted)
        }
    }

    @Test(arguments: ThrottleStoreKind.allCases) func refundTakesBackOneAndResetForgets(_ kind: ThrottleStoreKind)
        async throws
    {
        try await kind.withStore { (store) async throws in
            let limit = ThrottleLimit(key: "k", limit: 1, window: 60)
            #expect(try await store.admit([limit], now: now) == .admitted)
            try await store.refund("k", now: now)
            #expect(try await store.admit([limit], now: now) == .admitted)
            #expect(try await store.admit([limit], now: now) == .refused(retryAfter: 60))
            try await store.reset("k")
            #expect(try await store.admit([limit], now: now) == .admitted)
        }
    }

    @Test func serverProcessesOnOneDatabaseShareTheirCounters() async throws {
        try await PostgresFixture.withStorages { (first, owner) async throws in
            // The owner's pool stands in for a second server process: other connections, the same schema.
            let second = PostgresStorage(client: owner.client, schema: first.schema)
            let limit = ThrottleLimit(key: "shared", limit: 3, window: 60)
            #expect(try await first.admit([limit], now: now) == .admitted)
            #expect(try await second.admit([limit], now: now) == .admitted)
            #expect(try await first.admit([limit], now: now) == .admitted)
            #expect(try await second.admit([limit], now: now) == .refused(retryAfter: 60))
        }
    }
}
