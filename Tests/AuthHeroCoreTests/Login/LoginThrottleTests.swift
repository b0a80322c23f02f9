import AuthHeroCore
import Testing

@Suite struct LoginThrottleTests {
    private let policy = LoginThrottle.Policy(failuresPerAccount: 3, failuresPerAddress: 5, window: 600)

    @Test func anAccountIsLockedAfterItsFailuresAndUnlockedAfterTheWindow() async throws {
        let clock = ManualClock()
        let throttle = LoginThrottle(policy: policy, clock: clock)
        for _ in 0..<3 { await throttle.recordFailure(tenantID: "t", account: "a@example.com", address: "1.1.1.1") }
        await #expect(throws: LoginError.throttled) {
            try await throttle.check(tenantID: "t", account: "A@example.com", address: "2.2.2.2")
        }
        try await throttle.check(tenantID: "other", account: "a@example.com", address: "2.2.2.2")
        clock.advance(by: 601)
        try await throttle.check(tenantID: "t", account: "a@example.com", address: "2.2.2.2")
    }

    @Test func anAddressIsLockedAcrossAccounts() async throws {
        let throttle = LoginThrottle(policy: policy, clock: ManualClock())
        for index in 0..<5 {
            await throttle.recordFailure(tenantID: "t", account: "user\(index)@example.com", address: "1.1.1.1")
        }
        await #expect(throws: LoginError.throttled) {
            try await throttle.check(tenantID: "t", account: "fresh@example.com", address: "1.1.1.1")
        }
        try await throttle.check(tenantID: "t", account: "fresh@example.com", address: "9.9.9.9")
    }

    @Test func successClearsTheAccountCount() async throws {
        let throttle = LoginThrottle(policy: policy, clock: ManualClock())
        for _ in 0..<2 { await throttle.recordFailure(tenantID: "t", account: "a@example.com", address: "1.1.1.1") }
        await throttle.recordSuccess(tenantID: "t", account: "a@example.com")
        await throttle.recordFailure(tenantID: "t", account: "a@example.com", address: "1.1.1.1")
        try await throttle.check(tenantID: "t", account: "a@example.com", address: "1.1.1.1")
    }
}
