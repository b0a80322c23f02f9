/// The `client_credentials` grant: a machine client gets a token for one API, with at most the scopes its client
/// grant allows. `sub` is `{client_id}@clients` and `gty` is `client-credentials`, as Auth0 issues them.
public struct ClientCredentialsGrant: Sendable {
    private let authenticator: ClientAuthenticator
    private let storage: any ClientStore & ResourceServerStore
    private let issuer: TokenIssuer

    /// Creates the grant over storage and the shared token issuer.
    public init(storage: any ClientStore & ResourceServerStore, issuer: TokenIssuer) {
        self.authenticator = ClientAuthenticator(clients: storage)
        self.storage = storage
        self.issuer = issuer
    }

    /// Authenticates the client and issues its token, or throws `OAuthError`.
    public func exchange(
        _ credentials: ClientCredentials, audience: String?, scope: String?, tenant: TenantContext
    ) async throws -> IssuedToken {
        let client = try await authenticator.authenticate(credentials, tenantID: tenant.tenant.id)
        guard client.allows(grantType: GrantType.clientCredentials) else {
            throw OAuthError.unauthorizedClient("This client may not use the client_credentials grant.")
        }
        guard let audience, !audience.isEmpty else {
            throw OAuthError.invalidRequest(
                "The audience parameter is required: name the API (resource server identifier).")
        }
        guard let resourceServer = try await storage.resourceServer(identifier: audience, tenantID: tenant.tenant.id)
        else {
            throw OAuthError.invalidRequest(
                "Service not found: \(audience). Create a resource server with this identifier.")
        }
        guard
            let grant = try await storage.clientGrant(
                clientID: client.id, audience: audience, tenantID: tenant.tenant.id)
        else {
            throw OAuthError.accessDenied(
                "Client \(client.id) is not authorized to access \(audience): create a client grant.")
        }
        let granted = try Self.scopes(requested: scope, granted: grant.scope)
        return try await issuer.issueAccessToken(
            AccessTokenRequest(
                tenantID: tenant.tenant.id, issuer: tenant.issuer, subject: "\(client.id)@clients", clientID: client.id,
                resourceServer: resourceServer, scopes: granted,
                permissions: resourceServer.enforcePolicies ? granted : nil, grantType: "client-credentials"))
    }

    /// All granted scopes when none were requested; otherwise the requested ones, each of which must be granted.
    static func scopes(requested: String?, granted: [String]) throws -> [String] {
        let requested = (requested ?? "").split(separator: " ").map(String.init)
        guard !requested.isEmpty else { return granted }
        let beyond = requested.filter { !granted.contains($0) }
        guard beyond.isEmpty else {
            throw OAuthError.invalidScope("Scope not granted to this client: \(beyond.joined(separator: " ")).")
        }
        return granted.filter { requested.contains($0) }
    }
}
