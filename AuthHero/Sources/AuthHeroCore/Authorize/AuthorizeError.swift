/// Why `/authorize` (or the login that continues it) did not produce a code.
public enum AuthorizeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The client or its redirect URI could not be trusted: the message is shown on an error page and nothing is
    /// redirected, so the endpoint never becomes an open redirector (RFC 6749 §4.1.2.1).
    case page(String)
    /// The request was understood and the redirect URI validated: the OAuth error goes back to the application.
    case redirect(code: String, message: String, target: AuthorizationResponseTarget)

    public var description: String {
        switch self {
        case .page(let message): message
        case .redirect(let code, let message, _): "\(code): \(message)"
        }
    }
}
