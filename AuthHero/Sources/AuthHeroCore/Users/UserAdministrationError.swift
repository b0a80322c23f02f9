/// Why the Management API could not create or change a user; each case carries the user-facing reason.
public enum UserAdministrationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The named connection does not exist in the tenant, or is not a database connection.
    case unknownConnection(String)
    /// The email address is not usable.
    case invalidEmail
    /// The password breaks the connection's policy; the text says which rule.
    case weakPassword(String)
    /// Another user of the connection has this email.
    case emailTaken
    /// No user with this id exists in the tenant.
    case notFound

    public var description: String {
        switch self {
        case .unknownConnection(let name):
            "The connection \(name) does not exist in this tenant; use Username-Password-Authentication."
        case .invalidEmail: "The email address is not valid."
        case .weakPassword(let rule): "PasswordStrengthError: \(rule)"
        case .emailTaken: "The user already exists."
        case .notFound: "The user does not exist."
        }
    }
}
