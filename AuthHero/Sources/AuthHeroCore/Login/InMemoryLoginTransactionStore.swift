import Foundation

/// ``LoginTransactionStore`` in process memory, for one server process (SQLite): transactions live for minutes and
/// hold nothing that must survive a restart (the application simply starts a new `/authorize`). Every operation is
/// O(1): a dictionary over a doubly linked recency list, so a full store drops its least recently used transaction
/// without scanning the others.
public actor InMemoryLoginTransactionStore: LoginTransactionStore {
    private struct Entry {
        var transaction: LoginTransaction
        var address: String
        var newer: String?
        var older: String?
    }

    private let limits: LoginTransactionLimits
    private let clock: any AuthHeroClock
    private var entries: [String: Entry] = [:]
    private var openPerAddress: [String: Int] = [:]
    private var newest: String?
    private var oldest: String?

    /// Creates an empty store bounded by `limits`.
    public init(limits: LoginTransactionLimits = LoginTransactionLimits(), clock: any AuthHeroClock) {
        self.limits = limits
        self.clock = clock
    }

    public func begin(_ request: AuthorizationRequest, tenantID: String, clientAddress: String) throws
        -> LoginTransaction
    {
        let now = clock.now()
        // The least recently used end is where expired transactions gather; dropping them from there scans nothing
        // (one that was used later is dropped when it is looked up or reaches that end).
        while let key = oldest, let entry = entries[key], entry.transaction.expiresAt <= now { remove(key) }
        guard openPerAddress[clientAddress, default: 0] < limits.perAddress else {
            throw LoginError.tooManyTransactions
        }
        if entries.count >= limits.capacity, let key = oldest { remove(key) }
        let transaction = LoginTransaction(
            id: RandomToken.make(byteCount: 16), tenantID: tenantID, csrfToken: RandomToken.make(), request: request,
            expiresAt: now + limits.lifetime)
        let key = Self.key(transaction.id, tenantID)
        entries[key] = Entry(transaction: transaction, address: clientAddress, newer: nil, older: nil)
        openPerAddress[clientAddress, default: 0] += 1
        pushNewest(key)
        return transaction
    }

    public func transaction(_ id: String, tenantID: String) throws -> LoginTransaction {
        let key = Self.key(id, tenantID)
        guard let entry = entries[key] else { throw LoginError.transactionExpired }
        guard entry.transaction.expiresAt > clock.now() else {
            remove(key)
            throw LoginError.transactionExpired
        }
        unlink(key)
        pushNewest(key)
        return entry.transaction
    }

    public func finish(_ id: String, tenantID: String) {
        remove(Self.key(id, tenantID))
    }

    /// How many transactions are open (expired ones included until they are dropped).
    public var count: Int { entries.count }

    private func remove(_ key: String) {
        guard let entry = entries[key] else { return }
        unlink(key)
        entries[key] = nil
        let remaining = openPerAddress[entry.address, default: 1] - 1
        openPerAddress[entry.address] = remaining > 0 ? remaining : nil
    }

    private func pushNewest(_ key: String) {
        entries[key]?.older = newest
        entries[key]?.newer = nil
        if let newest { entries[newest]?.newer = key }
        newest = key
        if oldest == nil { oldest = key }
    }

    private func unlink(_ key: String) {
        guard let entry = entries[key] else { return }
        if let newer = entry.newer { entries[newer]?.older = entry.older } else { newest = entry.older }
        if let older = entry.older { entries[older]?.newer = entry.newer } else { oldest = entry.newer }
        entries[key]?.newer = nil
        entries[key]?.older = nil
    }

    private static func key(_ id: String, _ tenantID: String) -> String { "\(tenantID)\u{0}\(id)" }
}
