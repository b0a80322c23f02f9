import AuthHeroCore

/// A connection in Auth0's shape. `options` shows what the runtime enforces for a database connection: whether
/// sign-up is off, the password policy level (Auth0's camel-case `passwordPolicy`) and the minimum length in force.
struct ManagementConnection: Encodable, Sendable {
    let id: String
    let name: String
    let strategy: String
    let realms: [String]
    let options: Options

    struct Options: Encodable, Sendable {
        let disableSignup: Bool
        let passwordPolicy: String?
        let passwordComplexityOptions: ComplexityOptions

        private enum CodingKeys: String, CodingKey {
            case disableSignup = "disable_signup"
            case passwordPolicy
            case passwordComplexityOptions = "password_complexity_options"
        }
    }

    struct ComplexityOptions: Encodable, Sendable {
        let minLength: Int

        private enum CodingKeys: String, CodingKey {
            case minLength = "min_length"
        }
    }

    init(_ connection: Connection) {
        id = connection.id
        name = connection.name
        strategy = connection.strategy
        realms = [connection.name]
        let policy = PasswordPolicy(connection: connection)
        options = Options(
            disableSignup: connection.options[ConnectionOptionKeys.disableSignup] == "true",
            passwordPolicy: policy.strength?.rawValue,
            passwordComplexityOptions: ComplexityOptions(minLength: policy.minimumLength))
    }
}

/// Where the runtime keeps database-connection settings in `Connection.options`.
enum ConnectionOptionKeys {
    static let disableSignup = "disable_signup"
    static let passwordPolicy = PasswordStrength.optionKey
    static let minimumLength = PasswordPolicy.minimumLengthOptionKey
}
