/// What can go wrong on the login and sign-up pages; each case carries the message shown to the person, worded so
/// that it never reveals whether an account exists.
public enum LoginError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Unknown e-mail, wrong password or blocked user: one answer for all three.
    case invalidCredentials
    /// Too many attempts for this account or from this address; retry after this many seconds.
    case throttled(retryAfter: Int)
    /// Every password-hashing slot is taken; retry after this many seconds.
    case busy(retryAfter: Int)
    /// The client address holds as many open login pages as it may.
    case tooManyTransactions
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
        case .throttled, .busy, .tooManyTransactions: 429
        case .invalidCSRFToken: 403
        case .transactionExpired: 400
        case .signupDisabled: 403
        case .invalidEmail, .weakPassword, .signupFailed: 400
        }
    }

    /// The `Retry-After` seconds for a refusal that a later attempt may pass.
    public var retryAfter: Int? {
        switch self {
        case .throttled(let seconds), .busy(let seconds): seconds
        case .tooManyTransactions: 60
        default: nil
        }
    }

    public var description: String {
        switch self {
        case .invalidCredentials: "Wrong email or password."
        case .throttled(let seconds):
            "Too many attempts. Wait \((seconds + 59) / 60) minute(s) before trying again."
        case .busy(let seconds): "The server is busy. Try again in \(seconds) second(s)."
        case .tooManyTransactions:
            "Too many login pages are open from your network. Finish or close one, or wait 30 minutes."
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
