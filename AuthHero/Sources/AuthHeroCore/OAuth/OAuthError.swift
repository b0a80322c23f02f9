/// An OAuth 2.0 error answer (RFC 6749 §5.2): `{error, error_description}` plus the HTTP status it maps to. Every
/// grant throws these; the server renders them in one place.
public struct OAuthError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The registered error code (`invalid_client`, ...).
    public let code: String
    /// A message for the developer calling the endpoint; never contains secrets or tokens.
    public let message: String
    /// The HTTP status this error is answered with.
    public let status: Int

    public var description: String { "\(code): \(message)" }

    /// An error with any code and status; prefer the named constructors below for the registered codes.
    public init(code: String, message: String, status: Int) {
        self.code = code
        self.message = message
        self.status = status
    }

    /// The request is missing a parameter, repeats one, or is malformed (400).
    public static func invalidRequest(_ message: String) -> OAuthError {
        .init(code: "invalid_request", message: message, status: 400)
    }
    /// Client authentication failed: unknown client, wrong or missing secret (401).
    public static func invalidClient(_ message: String) -> OAuthError {
        .init(code: "invalid_client", message: message, status: 401)
    }
    /// The grant (code, refresh token, ...) is invalid, expired or revoked (400).
    public static func invalidGrant(_ message: String) -> OAuthError {
        .init(code: "invalid_grant", message: message, status: 400)
    }
    /// The client may not use this grant type (400).
    public static func unauthorizedClient(_ message: String) -> OAuthError {
        .init(code: "unauthorized_client", message: message, status: 400)
    }
    /// The grant type is not supported by this server (400).
    public static func unsupportedGrantType(_ message: String) -> OAuthError {
        .init(code: "unsupported_grant_type", message: message, status: 400)
    }
    /// The requested scope exceeds what was granted or is unknown (400).
    public static func invalidScope(_ message: String) -> OAuthError {
        .init(code: "invalid_scope", message: message, status: 400)
    }
    /// The client or user is not allowed this audience (403, as Auth0 answers).
    public static func accessDenied(_ message: String) -> OAuthError {
        .init(code: "access_denied", message: message, status: 403)
    }
    /// The server failed; the message stays generic and the cause goes to the log (500).
    public static func serverError(_ message: String = "The server could not complete the request.") -> OAuthError {
        .init(code: "server_error", message: message, status: 500)
    }
}
