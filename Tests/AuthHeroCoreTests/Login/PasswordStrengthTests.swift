import AuthHeroCore
import Testing

/// Auth0's password policy levels as a connection sets them (`password_policy`, `password_min_length`).
@Suite struct PasswordStrengthTests {
    private static func policy(_ options: [String: String]) -> PasswordPolicy {
        PasswordPolicy(connection: Connection(tenantID: "t", id: "c", name: "db", options: options))
    }

    private static func accepts(_ policy: PasswordPolicy, _ password: String) -> Bool {
        (try? policy.check(password: password, email: "a@b.co")) != nil
    }

    @Test func eachLevelBringsItsDefaultMinimum() {
        #expect(Self.policy(["password_policy": "none"]).minimumLength == 1)
        #expect(Self.policy(["password_policy": "low"]).minimumLength == 6)
        #expect(Self.policy(["password_policy": "good"]).minimumLength == 8)
        #expect(Self.policy(["password_policy": "excellent"]).minimumLength == 10)
        #expect(Self.policy([:]).minimumLength == 8)
        #expect(Self.policy(["password_policy": "excellent", "password_min_length": "14"]).minimumLength == 14)
    }

    @Test func fairNeedsLowerUpperAndDigits() {
        let fair = Self.policy(["password_policy": "fair"])
        #expect(!Self.accepts(fair, "lowercase1"))
        #expect(!Self.accepts(fair, "NoDigitsHere"))
        #expect(Self.accepts(fair, "Mixed1case"))
    }

    @Test func goodNeedsThreeKindsOfCharacter() {
        let good = Self.policy(["password_policy": "good"])
        #expect(!Self.accepts(good, "onlylowerUPPER"))
        #expect(Self.accepts(good, "lower-and-UPPER"))
        #expect(Self.accepts(good, "lower123!!"))
    }

    @Test func excellentAlsoRefusesRunsOfThree() {
        let excellent = Self.policy(["password_policy": "excellent"])
        #expect(!Self.accepts(excellent, "Abcdefgh1"))
        #expect(!Self.accepts(excellent, "Abbb-cdefg-1"))
        #expect(Self.accepts(excellent, "Aa-bcdefg-1"))
    }

    @Test func anUnknownLevelKeepsTheDefaultRules() {
        let policy = Self.policy(["password_policy": "strongest"])
        #expect(policy.strength == nil)
        #expect(Self.accepts(policy, "abcdefgh"))
    }
}
