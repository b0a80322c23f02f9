import AuthHeroCore
import AuthHeroTesting
import Testing

@Suite struct LoginThrottleTests {
    private let policy = LoginThrottle.Policy(
        failuresPerAccount: 3, failuresPerAddress: 5, signupsPerAddress: 4, window: 600)

    private func throttle(_ clock: ManualClock = ManualClock()) -> LoginThrottle {
        LoginThrottle(policy: policy, counters: InMemoryThrottleCounterStore(), clock: clock)
    }

    @Test func anAccountIsRefusedFromOneAddressAfterItsFailuresUntilTheWindowPasses() async throws {
        let clock = ManualClock()
        let throttle = throttle(clock)
        for _ in 0..<3 { try await throttle.admit(.login, tenantID: "t", account: "a@example.com", address: "1.1.1.1") }
        await #expect(throws: LoginError.throttled(retryAfter: 600)) {
            try await throttle.admit(.login, tenantID: "t", account: "A@example.com", address: "1.1.1.1")
        }
        // Another address, and the same account at another tenant, have their own counters.
        try await throttle.admit(.login, tenantID: "t", account: "a@example.com", address: "2.2.2.2")
        try await throttle.admit(.login, tenantID: "other", account: "a@example.com", address: "1.1.1.1")
        clock.advance(by: 601)
        try await throttle.admit(.login, tenantID: "t", account: "a@example.com", address: "1.1.1.1")
    }

    @Test func anAddressIsRefusedAcrossAccountsAtOneTenantOnly() async throws {
        let throttle = throttle()
        for index in 0..<5 {
            try await throttle.admit(.login, tenantID: "t", account: "user\(index)@example.com", address: "1.1.1.1")
        }
        await #expect(throws: LoginError.throttled(retryAfter: 600)) {
            try await throttle.admit(.login, tenantID: "t", account: "fresh@example.com", address: "1.1.1.1")
        }
        try await throttle.admit(.login, tenantID: "t", account: "fresh@example.com", address: "9.9.9.9")
        try await throttle.admit(.login, tenantID: "u", account: "fresh@example.com", address: "1.1.1.1")
    }

    @Test func aSuccessfulLoginClearsTheAccountAndGivesTheAddressItsAttemptBack() async throws {
        let throttle = throttle()
        for _ in 0..<2 { try await throttle.admit(.login, tenantID: "t", account: "a@example.com", address: "1.1.1.1") }
        try await throttle.admit(.login, tenantID: "t", account: "a@example.com", address: "1.1.1.1")
        try await throttle.succeeded(.login, tenantID: "t", account: "a@example.com", address: "1.1.1.1")
        for _ in 0..<3 { try await throttle.admit(.login, tenantID: "t", account: "a@example.com", address: "1.1.1.1") }
        // 2 failures + 3 attempts count against the address: the successful one was refunded.
        await #expect(throws: LoginError.throttled(retryAfter: 600)) {
            try await throttle.admit(.login, tenantID: "t", account: "b@example.com", address: "1.1.1.1")
        }
    }

    @Test func signUpsCountAgainstTheAddressEvenWhenTheySucceed() async throws {
        let throttle = throttle()
        for index in 0..<4 {
            try await throttle.admit(.signup, tenantID: "t", account: "new\(index)@example.com", address: "1.1.1.1")
            try await throttle.succeeded(.signup, tenantID: "t", account: "new\(index)@example.com", address: "1.1.1.1")
        }
        await #expect(throws: LoginError.throttled(retryAfter: 600)) {
            try await throttle.admit(.signup, tenantID: "t", account: "new9@example.com", address: "1.1.1.1")
        }
        // Sign-ups have their own counters: logging in from the address still works.
        try await throttle.admit(.login, tenantID: "t", account: "new0@example.com", address: "1.1.1.1")
    }

    @Test func concurrentAttemptsCountOneEach() async throws {
        let throttle = throttle()
        let admitted = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    (try? await throttle.admit(.login, tenantID: "t", account: "a@example.com", address: "1.1.1.1"))
                        != nil
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(admitted == 3)
    }
}
