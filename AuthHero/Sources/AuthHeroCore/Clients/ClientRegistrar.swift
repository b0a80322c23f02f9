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
        try await register(
            Client(
                tenantID: tenantID, id: clientID ?? Self.newClientID(), name: name, appType: appType,
                secretHash: nil,
                tokenEndpointAuthMethod: appType.isPublic ? TokenEndpointAuthMethod.none : .clientSecretPost,
                callbacks: callbacks, allowedLogoutURLs: allowedLogoutURLs, webOrigins: webOrigins,
                createdAt: clock.now()))
    }

    /// Stores `client` with a fresh secret when its authentication method uses one (any `secretHash` it carries is
    /// replaced), so the plaintext exists only in the returned registration.
    public func register(_ client: Client) async throws -> ClientRegistration {
        var client = client
        let secret = client.tokenEndpointAuthMethod.usesSecret ? Self.newSecret() : nil
        client.secretHash = secret.map(SecretDigest.hash)
        try await clients.createClient(client, tenantID: client.tenantID)
        return ClientRegistration(client: client, secret: secret)
    }

    /// Gives a confidential client a new secret; the old one stops working as soon as this returns. Nil when the
    /// client does not exist; `ClientSecretRotationError.publicClient` for a client that authenticates without one.
    public func rotateSecret(clientID: String, tenantID: String) async throws -> ClientRegistration? {
        guard var client = try await clients.client(clientID, tenantID: tenantID) else { return nil }
        guard client.tokenEndpointAuthMethod.usesSecret else { throw ClientSecretRotationError.publicClient }
        let secret = Self.newSecret()
        let hash = SecretDigest.hash(secret)
        client.secretHash = hash
        guard try await clients.replaceClientSecret(clientID: clientID, secretHash: hash, tenantID: tenantID) else {
            return nil
        }
        return ClientRegistration(client: client, secret: secret)
    }

    /// Lets `clientID` get client-credentials tokens for `audience` with `scope`.
    @discardableResult
    public func grant(clientID: String, audience: String, scope: [String], tenantID: String) async throws -> ClientGrant
    {
        let grant = ClientGrant(
            tenantID: tenantID, id: RandomToken.identifier(prefix: "cgr_"), clientID: clientID, audience: audience,
            scope: scope)
        try await clients.createClientGrant(grant, tenantID: tenantID)
        return grant
    }

    /// A new client id (32 base64url characters, like Auth0's).
    public static func newClientID() -> String { RandomToken.make(byteCount: 24) }

    private static func newSecret() -> String { RandomToken.make(byteCount: 32) }
}

/// Why a client's secret could not be rotated.
public enum ClientSecretRotationError: Error, Equatable, CustomStringConvertible {
    /// The client is public (`token_endpoint_auth_method` `none`) and has no secret to rotate.
    case publicClient

    public var description: String {
        switch self {
        case .publicClient:
            "This client is public (token_endpoint_auth_method none) and has no secret to rotate."
        }
    }
}
