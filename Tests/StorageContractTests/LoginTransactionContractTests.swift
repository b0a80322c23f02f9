import AuthHeroCore
import AuthHeroPostgres
import AuthHeroTesting
import Foundation
import Testing

/// Login transactions in process memory (SQLite's single process) or in the database every PostgreSQL server
/// process shares: the same rules, and on PostgreSQL a transaction begun by one process is found by another.
@Suite struct LoginTransactionContractTests {
    enum Kind: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case inMemory = "in memory"
        case postgresShared = "PostgreSQL shared"
        case postgresSchemaPerTenant = "PostgreSQL schema-per-tenant"

        var testDescription: String { rawValue }

        /// Runs `body` with two stores standing for two server processes (one store in memory), on tenant `a`
        /// holding client `spa` and organization `org_1`.
        func withStores(
            limits: LoginTransactionLimits, clock: ManualClock,
            _ body: (any LoginTransactionStore, any LoginTransactionStore, any ContractStorage) async throws -> Void
        ) async throws {
            let storage: StorageKind
            switch self {
            case .inMemory:
                let store = InMemoryLoginTransactionStore(limits: limits, clock: clock)
                return try await StorageKind.sqliteShared.withStorage { storage in
                    try await seed(storage)
                    try await body(store, store, storage)
                }
            case .postgresShared: storage = .postgresShared
            case .postgresSchemaPerTenant: storage = .postgresSchemaPerTenant
            }
            try await storage.withStorage { storage in
                try await seed(storage)
                let postgres = try #require(storage as? PostgresStorage)
                try await body(
                    PostgresLoginTransactionStore(storage: postgres, limits: limits, clock: clock),
                    PostgresLoginTransactionStore(storage: postgres, limits: limits, clock: clock), storage)
            }
        }

        private func seed(_ storage: any ContractStorage) async throws {
            try await storage.createClient(LoginTransactionContractTests.request.client, tenantID: "a")
            try await storage.createOrganization(
                try #require(LoginTransactionContractTests.request.organization), tenantID: "a")
        }
    }

    static let request = AuthorizationRequest(
        client: Client(
            tenantID: "a", id: "spa", name: "SPA", appType: .spa, secretHash: nil,
            callbacks: ["https://app.example.com/callback"], createdAt: StorageKind.now),
        target: AuthorizationResponseTarget(
            redirectURI: "https://app.example.com/callback", responseMode: .webMessage,
            state: String(repeating: "s", count: 2_048),
            webOrigins: ["https://app.example.com"]),
        scope: "openid offline_access", nonce: "n-1", audience: "https://api",
        organization: Organization(
            tenantID: "a", id: "org_1", name: "one", displayName: "One", createdAt: StorageKind.now),
        codeChallenge: "challenge", prompt: .login)

    @Test(arguments: Kind.allCases) func aTransactionBegunByOneProcessIsFinishedByAnother(_ kind: Kind) async throws {
        try await kind.withStores(limits: .init(), clock: ManualClock(StorageKind.now)) { first, second, _ in
            let begun = try await first.begin(Self.request, tenantID: "a", clientAddress: "203.0.113.7")
            let found = try await second.transaction(begun.id, tenantID: "a")
            #expect(found.request == Self.request)
            #expect(found.csrfToken == begun.csrfToken)
            #expect(abs(found.expiresAt.timeIntervalSince(begun.expiresAt)) < 0.001)
            await #expect(throws: LoginError.transactionExpired) {
                try await second.transaction(begun.id, tenantID: "b")
            }

            try await second.finish(begun.id, tenantID: "a")
            await #expect(throws: LoginError.transactionExpired) {
                try await first.transaction(begun.id, tenantID: "a")
            }
        }
    }

    @Test(arguments: Kind.allCases) func oneAddressHoldsAtMostItsShareUntilOneExpires(_ kind: Kind) async throws {
        let clock = ManualClock(StorageKind.now)
        try await kind.withStores(limits: .init(lifetime: 60, perAddress: 2), clock: clock) { first, second, _ in
            let old = try await first.begin(Self.request, tenantID: "a", clientAddress: "203.0.113.7")
            _ = try await second.begin(Self.request, tenantID: "a", clientAddress: "203.0.113.7")
            await #expect(throws: LoginError.tooManyTransactions) {
                try await first.begin(Self.request, tenantID: "a", clientAddress: "203.0.113.7")
            }
            _ = try await second.begin(Self.request, tenantID: "a", clientAddress: "198.51.100.1")

            clock.advance(by: 61)
            await #expect(throws: LoginError.transactionExpired) { try await second.transaction(old.id, tenantID: "a") }
            _ = try await first.begin(Self.request, tenantID: "a", clientAddress: "203.0.113.7")
        }
    }

    /// The database keeps the client by id, so its removal ends the login (memory keeps the validated request).
    @Test(arguments: [Kind.postgresShared, .postgresSchemaPerTenant]) func aClientRemovedDuringTheLoginEndsIt(
        _ kind: Kind
    ) async throws {
        try await kind.withStores(limits: .init(), clock: ManualClock(StorageKind.now)) { first, second, storage in
            let begun = try await first.begin(Self.request, tenantID: "a", clientAddress: "203.0.113.7")
            #expect(try await second.transaction(begun.id, tenantID: "a").request.client.id == "spa")
            _ = try await storage.deleteClient("spa", tenantID: "a")
            await #expect(throws: LoginError.transactionExpired) {
                try await second.transaction(begun.id, tenantID: "a")
            }
        }
    }

    /// Deleting a tenant takes its open logins with it: a tenant created again under the same id (with the same
    /// client and organization) does not inherit a login begun before.
    @Test(arguments: [Kind.postgresShared, .postgresSchemaPerTenant]) func aDeletedTenantTakesItsOpenLoginsWithIt(
        _ kind: Kind
    ) async throws {
        try await kind.withStores(limits: .init(), clock: ManualClock(StorageKind.now)) { first, second, storage in
            let begun = try await first.begin(Self.request, tenantID: "a", clientAddress: "203.0.113.7")
            try await storage.deleteTenant("a")
            try await storage.createTenant(Tenant(id: "a", friendlyName: "Again", createdAt: StorageKind.now))
            try await storage.createClient(Self.request.client, tenantID: "a")
            try await storage.createOrganization(try #require(Self.request.organization), tenantID: "a")
            await #expect(throws: LoginError.transactionExpired) {
                try await second.transaction(begun.id, tenantID: "a")
            }
        }
    }
}
