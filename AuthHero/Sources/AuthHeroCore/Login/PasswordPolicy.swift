/// The password rules of a database connection, checked at sign-up. Read from the connection's options
/// (`password_min_length`, and `password_policy`, one of Auth0's levels), so each tenant can set its own.
public struct PasswordPolicy: Sendable, Equatable {
    /// The option key of the minimum length (Auth0 `password_complexity_options.min_length`).
    public static let minimumLengthOptionKey = "password_min_length"
    /// The minimum when the connection sets neither a length nor a level.
    public static let defaultMinimumLength = 8

    /// The fewest characters a password may have.
    public var minimumLength: Int
    /// The Auth0 level whose character rules apply, if the connection sets one.
    public var strength: PasswordStrength?

    /// bcrypt only reads the first 72 bytes; longer passwords would silently share hashes.
    public static let maximumBytes = 72

    /// Creates a policy; the default minimum is 8 characters.
    public init(minimumLength: Int = PasswordPolicy.defaultMinimumLength, strength: PasswordStrength? = nil) {
        self.minimumLength = max(1, minimumLength)
        self.strength = strength
    }

    /// The policy configured on `connection`: its own minimum length if set, else its level's, else 8.
    public init(connection: Connection) {
        let strength = connection.options[PasswordStrength.optionKey].flatMap(PasswordStrength.init(rawValue:))
        self.init(
            minimumLength: connection.options[Self.minimumLengthOptionKey].flatMap(Int.init)
                ?? strength?.defaultMinimumLength ?? Self.defaultMinimumLength,
            strength: strength)
    }

    /// Throws `LoginError.weakPassword` naming the broken rule.
    public func check(password: String, email: String) throws(LoginError) {
        if password.count < minimumLength {
            throw .weakPassword("Use at least \(minimumLength) characters for your password.")
        }
        if password.utf8.count > Self.maximumBytes {
            throw .weakPassword("Use at most \(Self.maximumBytes) bytes for your password.")
        }
        if password.lowercased() == email.lowercased() {
            throw .weakPassword("Your password must not be your email address.")
        }
        try strength?.checkComposition(password)
    }
}
