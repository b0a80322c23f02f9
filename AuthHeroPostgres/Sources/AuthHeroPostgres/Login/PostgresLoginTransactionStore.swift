import AuthHeroCore
import Foundation
import PostgresNIO

/// ``LoginTransactionStore`` in the database, so a login started on one server process finishes on any other. A
/// transaction is a row of its tenant's `login_transactions` (the request as ``StoredAuthorizationRequest``); each
/// operation is one database transaction in that tenant. Open transactions are bounded by their lifetime and the
/// per-address cap, which here counts per tenant (under a lock on the address, so concurrent `/authorize`s from one
/// address cannot overshoot it); every `begin` sweeps a few expired rows of its tenant. The total `capacity` is an
/// in-memory bound and does not apply: rows cost disk, not the process's memory.
public struct PostgresLoginTransactionStore: LoginTransactionStore {
    private let storage: PostgresStorage
    private let limits: LoginTransactionLimits
    private let clock: any AuthHeroClock

    /// A store on `storage`'s registry, bounded by `limits`.
    public init(storage: PostgresStorage, limits: LoginTransactionLimits = .init(), clock: any AuthHeroClock) {
        self.storage = storage
        self.limits = limits
        self.clock = clock
    }

    public func begin(_ request: AuthorizationRequest, tenantID: String, clientAddress: String) async throws
        -> LoginTransaction
    {
        let now = clock.now()
        let transaction = LoginTransaction(
            id: RandomToken.make(byteCount: 16), tenantID: tenantID, csrfToken: RandomToken.make(), request: request,
            expiresAt: now + limits.lifetime)
        let stored = String(decoding: try JSONEncoder().encode(StoredAuthorizationRequest(request)), as: UTF8.self)
        let perAddress = limits.perAddress
        let admitted = try await storage.withTenant(tenantID) { session in
            try await session.run(
                """
                DELETE FROM login_transactions WHERE (tenant_id, id) IN (
                    SELECT tenant_id, id FROM login_transactions WHERE tenant_id = \(tenantID) AND expires_at <= \(now) LIMIT 16
                    FOR UPDATE SKIP LOCKED)
                """)
            try await session.run("SELECT pg_advisory_xact_lock(hashtextextended(\(clientAddress), 0))")
            let open = try await session.integer(
                """
                SELECT count(*)::bigint FROM login_transactions
                WHERE tenant_id = \(tenantID) AND client_address = \(clientAddress) AND expires_at > \(now)
                """)
            guard open < perAddress else { return false }
            try await session.run(
                """
                INSERT INTO login_transactions (tenant_id, id, csrf_token, request, client_address, expires_at)
                VALUES (\(tenantID), \(transaction.id), \(transaction.csrfToken), \(stored)::jsonb, \(clientAddress),
                    \(transaction.expiresAt))
                """)
            return true
        }
        guard admitted else { throw LoginError.tooManyTransactions }
        return transaction
    }

    public func transaction(_ id: String, tenantID: String) async throws -> LoginTransaction {
        let now = clock.now()
        let row = try await storage.withTenant(tenantID) { session -> (String, String, Date)? in
            let rows = try await session.connection.query(
                """
                SELECT csrf_token, request::text, expires_at FROM login_transactions
                WHERE tenant_id = \(tenantID) AND id = \(id) AND expires_at > \(now)
                """, logger: session.logger)
            for try await row in rows.decode((String, String, Date).self) { return row }
            return nil
        }
        guard let (csrfToken, json, expiresAt) = row,
            let stored = try? JSONDecoder().decode(StoredAuthorizationRequest.self, from: Data(json.utf8)),
            let request = try await stored.request(from: storage, tenantID: tenantID)
        else { throw LoginError.transactionExpired }
        return LoginTransaction(
            id: id, tenantID: tenantID, csrfToken: csrfToken, request: request, expiresAt: expiresAt)
    }

    public func finish(_ id: String, tenantID: String) async throws {
        try await storage.withTenant(tenantID) {
            try await $0.run("DELETE FROM login_transactions WHERE tenant_id = \(tenantID) AND id = \(id)")
        }
    }
}
