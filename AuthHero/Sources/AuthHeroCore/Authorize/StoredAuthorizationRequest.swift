/// An ``AuthorizationRequest`` as a login transaction keeps it outside process memory (a database row shared by
/// every server process): the client and organization by id, not as copies, so a stored row never duplicates a
/// client's secrets, and a client or organization removed during the login ends the login.
public struct StoredAuthorizationRequest: Codable, Sendable, Equatable {
    public var clientID: String
    public var redirectURI: String
    public var responseMode: String
    public var state: String?
    public var webOrigins: [String]
    public var scope: String
    public var nonce: String?
    public var audience: String?
    public var organizationID: String?
    public var codeChallenge: String?
    public var prompt: String

    /// The stored form of `request`.
    public init(_ request: AuthorizationRequest) {
        clientID = request.client.id
        redirectURI = request.target.redirectURI
        responseMode = request.target.responseMode.rawValue
        state = request.target.state
        webOrigins = request.target.webOrigins
        scope = request.scope
        nonce = request.nonce
        audience = request.audience
        organizationID = request.organization?.id
        codeChallenge = request.codeChallenge
        prompt = request.prompt.name
    }

    /// The request again, with its client and organization as `storage` holds them now; nil when either is gone
    /// (or the row names a mode this server does not know).
    public func request(from storage: any ClientStore & OrganizationStore, tenantID: String) async throws
        -> AuthorizationRequest?
    {
        guard let client = try await storage.client(clientID, tenantID: tenantID),
            let mode = ResponseMode(rawValue: responseMode), let prompt = Prompt(name: prompt)
        else { return nil }
        var organization: Organization?
        if let organizationID {
            guard let found = try await storage.organization(organizationID, tenantID: tenantID) else { return nil }
            organization = found
        }
        return AuthorizationRequest(
            client: client,
            target: AuthorizationResponseTarget(
                redirectURI: redirectURI, responseMode: mode, state: state, webOrigins: webOrigins),
            scope: scope, nonce: nonce, audience: audience, organization: organization, codeChallenge: codeChallenge,
            prompt: prompt)
    }
}

extension Prompt {
    /// The stored name of the value.
    var name: String {
        switch self {
        case .automatic: "automatic"
        case .login: "login"
        case .none: "none"
        }
    }

    init?(name: String) {
        switch name {
        case "automatic": self = .automatic
        case "login": self = .login
        case "none": self = .none
        default: return nil
        }
    }
}
