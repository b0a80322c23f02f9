/// Creates clients with fresh ids and secrets; the plaintext secret is returned once and only its hash is stored.
public struct ClientRegistrar: Sendable {
    private let clients: any ClientStore
    private let clock: any AuthHeroClock

    /// Creates a registrar over the client store.
    public init(clients: any ClientStore, clock: any AuthHeroClock) {
        self.clients = clients
        self.clock = clock
    }

    /// Registers a client. SPAs are public clients and get no secret; other types get a 256-bit secret.
    public func register(
        tenantID: String, name: String, appType: ApplicationType, clientID: String? = nil, callbacks: [String] = [],
        allowedLogoutURLs: [String] = [], webOrigins: [String] = []
    ) async throws -> ClientRegistration {
        let secret = appType == .spa ? nil : RandomToken.make(byteCount: 32)
        let client = Client(
            tenantID: tenantID, id: clientID ?? RandomToken.make(byteCount: 24), name: name, appType: appType,
            secretHash: secret.map(SecretDigest.hash), callbacks: callbacks, allowedLogoutURLs: allowedLogoutURLs,
            webOrigins: webOrigins, createdAt: clock.now())
        try await clients.createClient(client, tenantID: tenantID)
        return ClientRegistration(client: client, secret: secret)
    }

    /// Lets `clientID` get client-credentials tokens for `audience` with `scope`.
    @discardableResult
    public func grant(clientID: String, audience: String, scope: [String], tenantID: String) async throws -> ClientGrant {
        let grant = ClientGrant(
            tenantID: tenantID, id: RandomToken.identifier(prefix: "cgr_"), clientID: clientID, audience: audience, scope: scope)
        try await clients.createClientGrant(grant, tenantID: tenantID)
        return grant
    }
}
