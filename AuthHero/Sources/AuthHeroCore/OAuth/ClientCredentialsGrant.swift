/// The `client_credentials` grant: a machine client gets a token for one API, with at most the scopes its client
/// grant allows. `sub` is `{client_id}@clients` and `gty` is `client-credentials`, as Auth0 issues them.
public struct ClientCredentialsGrant: Sendable {
    private let authenticator: ClientAuthenticator
    private let storage: any ClientStore & ResourceServerStore
    private let issuer: TokenIssuer
    private let cache: ClientCredentialsCache?

    /// Creates the grant over storage and the shared token issuer; with `cache`, what a successful request read is
    /// remembered for the next ones.
    public init(
        storage: any ClientStore & ResourceServerStore, issuer: TokenIssuer, cache: ClientCredentialsCache? = nil
    ) {
        self.authenticator = ClientAuthenticator(clients: storage)
        self.storage = storage
        self.issuer = issuer
        self.cache = cache
    }

    /// Authenticates the client and issues its token, or throws `OAuthError`.
    public func exchange(
        _ credentials: ClientCredentials, audience: String?, scope: String?, tenant: TenantContext
    ) async throws -> IssuedToken {
        let tenantID = tenant.tenant.id
        let key = audience.map {
            ClientCredentialsCache.Key(tenantID: tenantID, clientID: credentials.clientID, audience: $0)
        }
        let lookup: (entry: ClientCredentialsCache.Entry?, generation: Int)? = key.flatMap { cache?.lookup($0) }
        let generation = lookup?.generation ?? 0
        if let remembered = lookup?.entry {
            let client = try ClientAuthenticator.verify(credentials, against: remembered.client)
            return try await issue(client, remembered.resourceServer, remembered.grant, scope: scope, tenant: tenant)
        }
        let client = try await authenticator.authenticate(credentials, tenantID: tenantID)
        guard client.allows(grantType: GrantType.clientCredentials) else {
            throw OAuthError.unauthorizedClient("This client may not use the client_credentials grant.")
        }
        guard let audience, let key, !audience.isEmpty else {
            throw OAuthError.invalidRequest(
                "The audience parameter is required: name the API (resource server identifier).")
        }
        guard let resourceServer = try await storage.resourceServer(identifier: audience, tenantID: tenantID) else {
            throw OAuthError.invalidRequest(
                "Service not found: \(audience). Create a resource server with this identifier.")
        }
        guard let grant = try await storage.clientGrant(clientID: client.id, audience: audience, tenantID: tenantID)
        else {
            throw OAuthError.accessDenied(
                "Client \(client.id) is not authorized to access \(audience): create a client grant.")
        }
        cache?.remember(
            key, .init(client: client, resourceServer: resourceServer, grant: grant), generation: generation)
        return try await issue(client, resourceServer, grant, scope: scope, tenant: tenant)
    }

    private func issue(
        _ client: Client, _ resourceServer: ResourceServer, _ grant: ClientGrant, scope: String?, tenant: TenantContext
    ) async throws -> IssuedToken {
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
