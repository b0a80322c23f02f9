/// The raw query of `/authorize`, as the browser sent it; `AuthorizationRequestValidator` turns it into an
/// `AuthorizationRequest` or an error.
public struct AuthorizationParameters: Sendable, Equatable, Decodable {
    public var clientID: String?
    public var redirectURI: String?
    public var responseType: String?
    public var responseMode: String?
    public var scope: String?
    public var state: String?
    public var nonce: String?
    public var audience: String?
    public var organization: String?
    public var prompt: String?
    public var codeChallenge: String?
    public var codeChallengeMethod: String?
    /// Auth0's `screen_hint`: `signup` opens the sign-up page instead of the login page.
    public var screenHint: String?

    /// Creates parameters (tests and the query decoder).
    public init(
        clientID: String? = nil, redirectURI: String? = nil, responseType: String? = nil, responseMode: String? = nil,
        scope: String? = nil, state: String? = nil, nonce: String? = nil, audience: String? = nil,
        organization: String? = nil, prompt: String? = nil, codeChallenge: String? = nil,
        codeChallengeMethod: String? = nil, screenHint: String? = nil
    ) {
        self.clientID = clientID
        self.redirectURI = redirectURI
        self.responseType = responseType
        self.responseMode = responseMode
        self.scope = scope
        self.state = state
        self.nonce = nonce
        self.audience = audience
        self.organization = organization
        self.prompt = prompt
        self.codeChallenge = codeChallenge
        self.codeChallengeMethod = codeChallengeMethod
        self.screenHint = screenHint
    }

    private enum CodingKeys: String, CodingKey {
        case clientID = "client_id"
        case redirectURI = "redirect_uri"
        case responseType = "response_type"
        case responseMode = "response_mode"
        case scope, state, nonce, audience, organization, prompt
        case codeChallenge = "code_challenge"
        case codeChallengeMethod = "code_challenge_method"
        case screenHint = "screen_hint"
    }
}
