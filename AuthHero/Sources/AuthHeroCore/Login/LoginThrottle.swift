import Foundation

/// Brute-force protection for the login form: counts failed attempts per account (tenant + e-mail) and per client
/// address within a sliding window, and refuses further attempts once either limit is reached. In memory, so it
/// protects one process; a cluster behind a load balancer multiplies the limits by its size.
public actor LoginThrottle {
    /// How many failures are tolerated, and for how long they count.
    public struct Policy: Sendable {
        /// Failures per account before it is locked for the rest of the window.
        public var failuresPerAccount: Int
        /// Failures per client address (across accounts) before it is locked for the rest of the window.
        public var failuresPerAddress: Int
        /// How long a failure counts, in seconds.
        public var window: TimeInterval

        /// The defaults: 5 failures per account, 30 per address, in 15 minutes.
        public init(failuresPerAccount: Int = 5, failuresPerAddress: Int = 30, window: TimeInterval = 900) {
            self.failuresPerAccount = failuresPerAccount
            self.failuresPerAddress = failuresPerAddress
            self.window = window
        }
    }

    private let policy: Policy
    private let clock: any AuthHeroClock
    private var accountFailures: [String: [Date]] = [:]
    private var addressFailures: [String: [Date]] = [:]

    /// Creates a throttle with `policy`, reading time from `clock`.
    public init(policy: Policy = Policy(), clock: any AuthHeroClock) {
        self.policy = policy
        self.clock = clock
    }

    /// Throws `LoginError.throttled` when the account or the address has used up its failures.
    public func check(tenantID: String, account: String, address: String) throws(LoginError) {
        let now = clock.now()
        let accountKey = Self.accountKey(tenantID: tenantID, account: account)
        if recent(accountFailures[accountKey], now: now).count >= policy.failuresPerAccount
            || recent(addressFailures[address], now: now).count >= policy.failuresPerAddress
        {
            throw .throttled
        }
    }

    /// Records a failed attempt against the account and the address.
    public func recordFailure(tenantID: String, account: String, address: String) {
        let now = clock.now()
        let accountKey = Self.accountKey(tenantID: tenantID, account: account)
        accountFailures[accountKey] = recent(accountFailures[accountKey], now: now) + [now]
        addressFailures[address] = recent(addressFailures[address], now: now) + [now]
        prune(now: now)
    }

    /// Forgets the account's failures after a successful login (the address keeps its count).
    public func recordSuccess(tenantID: String, account: String) {
        accountFailures[Self.accountKey(tenantID: tenantID, account: account)] = nil
    }

    private func recent(_ failures: [Date]?, now: Date) -> [Date] {
        (failures ?? []).filter { now.timeIntervalSince($0) < policy.window }
    }

    /// Drops expired entries once the tables grow, so a flood of distinct e-mails cannot exhaust memory.
    private func prune(now: Date) {
        guard accountFailures.count + addressFailures.count > 10_000 else { return }
        accountFailures = accountFailures.compactMapValues { recent($0, now: now).nilIfEmpty }
        addressFailures = addressFailures.compactMapValues { recent($0, now: now).nilIfEmpty }
    }

    private static func accountKey(tenantID: String, account: String) -> String {
        "\(tenantID)\u{0}\(account.lowercased())"
    }
}

extension Array {
    fileprivate var nilIfEmpty: Self? { isEmpty ? nil : self }
}
