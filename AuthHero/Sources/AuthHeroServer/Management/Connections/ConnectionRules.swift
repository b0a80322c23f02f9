import AuthHeroCore

/// Turns a connection PATCH into option changes the runtime enforces (sign-up at `/u/signup`, the password policy at
/// sign-up and user creation), refusing values it could not enforce.
enum ConnectionRules {
    /// The database strategy, the only one whose options these are.
    static let databaseStrategy = "auth0"

    /// The option changes `body` asks for on `connection` (nil value: remove the key), or a 400.
    static func changes(_ body: UpdateConnectionBody, for connection: Connection) throws(ManagementError)
        -> [String: String?]
    {
        guard let options = body.options else { return [:] }
        guard connection.strategy == databaseStrategy else {
            throw .invalidBody(
                "Sign-up and password options apply to database connections (strategy \(databaseStrategy)) only.")
        }
        var changes: [String: String?] = [:]
        if let disable = options.disableSignup {
            changes[ConnectionOptionKeys.disableSignup] = disable ? "true" : "false"
        }
        switch options.passwordPolicy {
        case .unchanged: break
        case .removed: changes[ConnectionOptionKeys.passwordPolicy] = .some(nil)
        case .set(let level):
            guard let strength = PasswordStrength(rawValue: level) else {
                throw .invalidBody(
                    "passwordPolicy must be one of \(PasswordStrength.allCases.map(\.rawValue)) or null, not \"\(level)\"."
                )
            }
            changes[ConnectionOptionKeys.passwordPolicy] = strength.rawValue
        }
        switch options.minimumLength {
        case .unchanged: break
        case .removed: changes[ConnectionOptionKeys.minimumLength] = .some(nil)
        case .set(let length):
            // bcrypt reads 72 bytes at most (`PasswordPolicy.maximumBytes`), so a longer minimum could never be met.
            guard (1...PasswordPolicy.maximumBytes).contains(length) else {
                throw .invalidBody(
                    "password_complexity_options.min_length must be 1 to \(PasswordPolicy.maximumBytes).")
            }
            changes[ConnectionOptionKeys.minimumLength] = String(length)
        }
        return changes
    }
}
