import Foundation

/// Brute-force and flood protection for the login and sign-up forms. Every attempt is counted before its password
/// is hashed or checked (one atomic step in the ``ThrottleCounterStore``), against two counters of the tenant it
/// targets: one per client address, and one per account from that address. Counting per account *and* address
/// means a guesser from elsewhere cannot lock a person out of their own account; counting per tenant means one
/// busy tenant never throttles another.
public struct LoginThrottle: Sendable {
    /// How many attempts are tolerated, and for how long they count.
    public struct Policy: Sendable, Equatable {
        /// Failed logins (and sign-ups) per account from one address before it is refused for the rest of the window.
        public var failuresPerAccount: Int
        /// Failed logins per client address at one tenant (across accounts) before it is refused.
        public var failuresPerAddress: Int
        /// Sign-ups per client address at one tenant, successful or not (each costs a bcrypt hash).
        public var signupsPerAddress: Int
        /// How long an attempt counts, in seconds.
        public var window: TimeInterval

        /// The defaults: 5 failures per account and address, 30 failed logins and 20 sign-ups per address, in
        /// 15 minutes.
        public init(
            failuresPerAccount: Int = 5, failuresPerAddress: Int = 30, signupsPerAddress: Int = 20,
            window: TimeInterval = 900
        ) {
            self.failuresPerAccount = failuresPerAccount
            self.failuresPerAddress = failuresPerAddress
            self.signupsPerAddress = signupsPerAddress
            self.window = window
        }
    }

    /// The form an attempt came through; each has its own counters.
    public enum Form: String, Sendable {
        case login, signup
    }

    private let policy: Policy
    private let counters: any ThrottleCounterStore
    private let clock: any AuthHeroClock

    /// Creates a throttle with `policy` over `counters`, reading time from `clock`.
    public init(policy: Policy = Policy(), counters: any ThrottleCounterStore, clock: any AuthHeroClock) {
        self.policy = policy
        self.counters = counters
        self.clock = clock
    }

    /// Counts one attempt; throws `LoginError.throttled` (and counts nothing) when a counter is at its limit.
    public func admit(_ form: Form, tenantID: String, account: String, address: String) async throws {
        let addressLimit = form == .login ? policy.failuresPerAddress : policy.signupsPerAddress
        let verdict = try await counters.admit(
            [
                ThrottleLimit(
                    key: Self.addressKey(form, tenantID: tenantID, address: address), limit: addressLimit,
                    window: policy.window),
                ThrottleLimit(
                    key: Self.accountKey(form, tenantID: tenantID, account: account, address: address),
                    limit: policy.failuresPerAccount, window: policy.window),
            ], now: clock.now())
        if case .refused(let retryAfter) = verdict { throw LoginError.throttled(retryAfter: retryAfter) }
    }

    /// Takes back a successful attempt: the account starts afresh and, for a login, the address gets its attempt
    /// back (people behind one address who log in successfully never throttle each other). A sign-up keeps its
    /// count against the address: creating accounts is what a sign-up flood does.
    public func succeeded(_ form: Form, tenantID: String, account: String, address: String) async throws {
        try await counters.reset(Self.accountKey(form, tenantID: tenantID, account: account, address: address))
        if form == .login {
            try await counters.refund(Self.addressKey(form, tenantID: tenantID, address: address), now: clock.now())
        }
    }

    private static func addressKey(_ form: Form, tenantID: String, address: String) -> String {
        "\(form.rawValue)\u{0}\(tenantID)\u{0}\(address)"
    }

    private static func accountKey(_ form: Form, tenantID: String, account: String, address: String) -> String {
        "\(form.rawValue)\u{0}\(tenantID)\u{0}\(address)\u{0}\(account.lowercased())"
    }
}
