/// What can go wrong on the login and sign-up pages; each case carries the message shown to the person, worded so
/// that it never reveals whether an account exists.
public enum LoginError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Unknown e-mail, wrong password or blocked user: one answer for all three.
    case invalidCredentials
    /// Too many failed attempts for this account or from this address.
    case throttled
    /// The form's CSRF token is missing or does not belong to this login transaction.
    case invalidCSRFToken
    /// The login transaction is unknown or expired (e.g. the page was left open too long).
    case transactionExpired
    /// Sign-up is disabled for the tenant's database connection.
    case signupDisabled
    /// The e-mail address is not usable.
    case invalidEmail
    /// The password breaks the connection's policy; the associated text says which rule.
    case weakPassword(String)
    /// The account could not be created (the e-mail may already be registered; the page does not say).
    case signupFailed

    /// The HTTP status the page is answered with.
    public var status: Int {
        switch self {
        case .invalidCredentials: 401
        case .throttled: 429
        case .invalidCSRFToken: 403
        case .transactionExpired: 400
        case .signupDisabled: 403
        case .invalidEmail, .weakPassword, .signupFailed: 400
        }
    }

    public var description: String {
        switch self {
        case .invalidCredentials: "Wrong email or password."
        case .throttled: "Too many attempts. Wait 15 minutes before trying again."
        case .invalidCSRFToken: "This form has expired or was not sent by this page. Reload the page and try again."
        case .transactionExpired: "This login session has expired. Go back to the application and sign in again."
        case .signupDisabled: "Sign-up is disabled. Ask the administrator for an account."
        case .invalidEmail: "Enter a valid email address."
        case .weakPassword(let rule): rule
        case .signupFailed:
            "We could not create an account with these details. If you already have one, log in instead."
        }
    }
}
