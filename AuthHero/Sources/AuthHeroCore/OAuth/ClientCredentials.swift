/// The credentials a client presented (`client_secret_post` or `client_secret_basic`).
public struct ClientCredentials: Sendable, Equatable {
    public var clientID: String
    public var clientSecret: String?

    /// Pairs a client id with its secret, if one was sent.
    public init(clientID: String, clientSecret: String?) {
        self.clientID = clientID
        self.clientSecret = clientSecret
    }
}
