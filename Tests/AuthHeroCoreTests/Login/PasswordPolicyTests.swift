import AuthHeroCore
import Testing

@Suite struct PasswordPolicyTests {
    @Test func shortPasswordsAreRefused() {
        #expect(throws: LoginError.self) {
            try PasswordPolicy(minimumLength: 10).check(password: "123456789", email: "a@b.co")
        }
        #expect(throws: Never.self) {
            try PasswordPolicy(minimumLength: 10).check(password: "1234567890", email: "a@b.co")
        }
    }

    @Test func theEmailIsNotAPassword() {
        #expect(throws: LoginError.self) {
            try PasswordPolicy().check(password: "Alice@Example.com", email: "alice@example.com")
        }
    }

    @Test func passwordsBeyondBcryptsLimitAreRefused() {
        #expect(throws: LoginError.self) {
            try PasswordPolicy().check(password: String(repeating: "x", count: 73), email: "a@b.co")
        }
    }

    @Test func theConnectionSetsTheMinimum() {
        let connection = Connection(tenantID: "t", id: "c", name: "db", options: ["password_min_length": "12"])
        #expect(PasswordPolicy(connection: connection).minimumLength == 12)
    }
}
