/// Checks client credentials against storage: the secret's SHA-256 is compared in constant time.
public struct ClientAuthenticator: Sendable {
    private let clients: any ClientStore

    /// Creates an authenticator over the client store.
    public init(clients: any ClientStore) { self.clients = clients }

    /// The client, when `credentials` prove its identity; unknown clients and wrong secrets get the same answer so
    /// the endpoint does not reveal which client ids exist. With `allowPublicClients`, a client that has no secret
    /// (an SPA) is identified by its id alone, as RFC 6749 §2.1 allows for public clients.
    public func authenticate(_ credentials: ClientCredentials, tenantID: String, allowPublicClients: Bool = false)
        async throws -> Client
    {
        guard let secret = credentials.clientSecret, !secret.isEmpty else {
            if allowPublicClients, let client = try await clients.client(credentials.clientID, tenantID: tenantID),
                client.secretHash == nil
            {
                return client
            }
            throw OAuthError.invalidClient("Client authentication is required: send client_secret (post or basic).")
        }
        return try Self.verify(credentials, against: try await clients.client(credentials.clientID, tenantID: tenantID))
    }

    /// `client` (as stored, or remembered), when `credentials` carry its secret; the answers are those of
    /// ``authenticate(_:tenantID:allowPublicClients:)`` without public clients.
    public static func verify(_ credentials: ClientCredentials, against client: Client?) throws -> Client {
        guard let secret = credentials.clientSecret, !secret.isEmpty else {
            throw OAuthError.invalidClient("Client authentication is required: send client_secret (post or basic).")
        }
        let failure = OAuthError.invalidClient("Client authentication failed: unknown client or wrong client secret.")
        guard let client, let storedHash = client.secretHash else {
            // Hash anyway so an unknown client costs the same time as a wrong secret.
            _ = SecretDigest.matches(secret, storedHash: SecretDigest.hash(""))
            throw failure
        }
        guard SecretDigest.matches(secret, storedHash: storedHash) else { throw failure }
        return client
    }
}
