import Foundation

/// Open login transactions, in memory: they live for minutes and hold nothing that must survive a restart (the
/// application simply starts a new `/authorize`). Keyed by tenant, so a transaction never crosses tenants.
public actor LoginTransactionStore {
    /// How long a login page stays usable.
    public static let lifetime: TimeInterval = 30 * 60
    /// A bound on open transactions, so a flood of `/authorize` requests cannot exhaust memory.
    public static let capacity = 50_000

    private let clock: any AuthHeroClock
    private var open: [String: LoginTransaction] = [:]

    /// Creates an empty store.
    public init(clock: any AuthHeroClock) { self.clock = clock }

    /// Opens a transaction for `request` at `tenantID`.
    public func begin(_ request: AuthorizationRequest, tenantID: String) -> LoginTransaction {
        let now = clock.now()
        if open.count >= Self.capacity { open = open.filter { $0.value.expiresAt > now } }
        if open.count >= Self.capacity, let oldest = open.min(by: { $0.value.expiresAt < $1.value.expiresAt }) {
            open[oldest.key] = nil
        }
        let transaction = LoginTransaction(
            id: RandomToken.make(byteCount: 16), tenantID: tenantID, csrfToken: RandomToken.make(), request: request,
            expiresAt: now + Self.lifetime)
        open[Self.key(transaction.id, tenantID)] = transaction
        return transaction
    }

    /// The open transaction with this id at `tenantID`; throws `LoginError.transactionExpired` otherwise.
    public func transaction(_ id: String, tenantID: String) throws -> LoginTransaction {
        guard let transaction = open[Self.key(id, tenantID)], transaction.expiresAt > clock.now() else {
            throw LoginError.transactionExpired
        }
        return transaction
    }

    /// Closes the transaction once it produced an answer, so its form cannot be posted twice.
    public func finish(_ id: String, tenantID: String) {
        open[Self.key(id, tenantID)] = nil
    }

    private static func key(_ id: String, _ tenantID: String) -> String { "\(tenantID)\u{0}\(id)" }
}
