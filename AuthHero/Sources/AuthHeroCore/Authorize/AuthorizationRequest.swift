/// A validated `/authorize` request: the client is known, the redirect URI is one of its callbacks, and every
/// parameter has been checked. It travels through the login pages inside a `LoginTransaction`.
public struct AuthorizationRequest: Sendable, Equatable {
    public var client: Client
    /// Where and how the answer goes; trusted once this value exists.
    public var target: AuthorizationResponseTarget
    public var scope: String
    public var nonce: String?
    public var audience: String?
    /// The organization the person logs in to, resolved from its id or (when the tenant allows) its name.
    public var organization: Organization?
    /// The S256 challenge; required for public clients.
    public var codeChallenge: String?
    public var prompt: Prompt

    /// Creates a validated request.
    public init(
        client: Client, target: AuthorizationResponseTarget, scope: String, nonce: String?, audience: String?,
        organization: Organization?, codeChallenge: String?, prompt: Prompt
    ) {
        self.client = client
        self.target = target
        self.scope = scope
        self.nonce = nonce
        self.audience = audience
        self.organization = organization
        self.codeChallenge = codeChallenge
        self.prompt = prompt
    }
}

/// The `prompt` parameter values this server acts on.
public enum Prompt: Sendable, Equatable {
    /// Use a live session if there is one, else show the login page.
    case automatic
    /// Always show the login page, even with a live session.
    case login
    /// Never show a page: answer with a code from the live session or with `login_required`.
    case none
}

/// How the answer of `/authorize` reaches the application (OAuth 2.0 Multiple Response Type Encoding Practices).
public enum ResponseMode: String, Sendable, Equatable {
    /// A redirect to `redirect_uri` with `code` and `state` in the query.
    case query
    /// An HTML page that posts `{type: "authorization_response", response}` to the redirect URI's origin
    /// (auth0-spa-js silent authentication in an iframe).
    case webMessage = "web_message"
}
