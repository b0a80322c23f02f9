/// Auth0's password policy levels (a database connection's `passwordPolicy` option), from the Auth0 documentation
/// "Password Strength in Auth0 Database Connections": each level has a default minimum length and the character
/// kinds a password must mix.
public enum PasswordStrength: String, Sendable, Equatable, CaseIterable {
    case none, low, fair, good, excellent

    /// The option key the level is stored under in a connection's options.
    public static let optionKey = "password_policy"

    /// The minimum length the level implies when the connection sets none of its own.
    public var defaultMinimumLength: Int {
        switch self {
        case .none: 1
        case .low: 6
        case .fair, .good: 8
        case .excellent: 10
        }
    }

    /// Throws `LoginError.weakPassword` when `password` does not mix the character kinds this level asks for.
    func checkComposition(_ password: String) throws(LoginError) {
        let kinds = CharacterKinds(password)
        switch self {
        case .none, .low:
            return
        case .fair:
            guard kinds.lower, kinds.upper, kinds.digit else {
                throw .weakPassword("Use lowercase letters, uppercase letters and numbers in your password.")
            }
        case .good, .excellent:
            guard kinds.count >= 3 else {
                throw .weakPassword(
                    "Use at least three of: lowercase letters, uppercase letters, numbers, special characters.")
            }
            if self == .excellent, Self.repeatsMoreThanTwice(password) {
                throw .weakPassword("Do not repeat a character more than twice in a row.")
            }
        }
    }

    private static func repeatsMoreThanTwice(_ password: String) -> Bool {
        var previous: Character?
        var run = 0
        for character in password {
            run = character == previous ? run + 1 : 1
            if run > 2 { return true }
            previous = character
        }
        return false
    }
}

/// Which kinds of character a password contains.
private struct CharacterKinds {
    var lower = false
    var upper = false
    var digit = false
    var special = false

    init(_ password: String) {
        for character in password {
            if character.isLowercase {
                lower = true
            } else if character.isUppercase {
                upper = true
            } else if character.isNumber {
                digit = true
            } else {
                special = true
            }
        }
    }

    var count: Int { [lower, upper, digit, special].filter { $0 }.count }
}
