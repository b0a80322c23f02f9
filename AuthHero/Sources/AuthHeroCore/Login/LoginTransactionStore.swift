import Foundation

/// Where open login transactions live between `/authorize` and the form post. Keyed by tenant, so a transaction
/// never crosses tenants. Each operation is one atomic step of the store (one actor call in memory, one statement
/// or transaction in a database), with no state kept in the caller.
public protocol LoginTransactionStore: Sendable {
    /// Opens a transaction for `request` at `tenantID`, started from `clientAddress`; throws
    /// `LoginError.tooManyTransactions` when that address already holds its share of open transactions.
    func begin(_ request: AuthorizationRequest, tenantID: String, clientAddress: String) async throws
        -> LoginTransaction

    /// The open transaction with this id at `tenantID`; throws `LoginError.transactionExpired` otherwise.
    func transaction(_ id: String, tenantID: String) async throws -> LoginTransaction

    /// Closes the transaction once it produced an answer, so its form cannot be posted twice.
    func finish(_ id: String, tenantID: String) async throws
}

/// The bounds on open login transactions.
public struct LoginTransactionLimits: Sendable, Equatable {
    /// How long a login page stays usable, in seconds.
    public var lifetime: TimeInterval
    /// Open transactions kept in all; beyond it the least recently used one is dropped.
    public var capacity: Int
    /// Open transactions one client address may hold; beyond it `/authorize` is refused with 429.
    public var perAddress: Int

    /// The default lifetime: 30 minutes.
    public static let defaultLifetime: TimeInterval = 30 * 60

    /// The defaults: 30 minutes, 50,000 in all, 200 per address.
    public init(
        lifetime: TimeInterval = LoginTransactionLimits.defaultLifetime, capacity: Int = 50_000, perAddress: Int = 200
    ) {
        self.lifetime = lifetime
        self.capacity = capacity
        self.perAddress = perAddress
    }
}
