/// A newly created client together with its plaintext secret, which is shown once and never stored.
public struct ClientRegistration: Sendable {
    public var client: Client
    /// The secret to hand to the client's owner; nil for public clients.
    public var secret: String?

    /// Pairs a client with its one-time plaintext secret.
    public init(client: Client, secret: String?) {
        self.client = client
        self.secret = secret
    }
}
