/// The password rules of a database connection, checked at sign-up. Read from the connection's options
/// (`password_min_length`), so each tenant can set its own.
public struct PasswordPolicy: Sendable, Equatable {
    /// The fewest characters a password may have.
    public var minimumLength: Int

    /// bcrypt only reads the first 72 bytes; longer passwords would silently share hashes.
    public static let maximumBytes = 72

    /// Creates a policy; the default minimum is 8 characters.
    public init(minimumLength: Int = 8) { self.minimumLength = max(1, minimumLength) }

    /// The policy configured on `connection`, or the default.
    public init(connection: Connection) {
        self.init(minimumLength: connection.options["password_min_length"].flatMap(Int.init) ?? 8)
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
    }
}
