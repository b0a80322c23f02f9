/// How a client authenticates at `/oauth/token` (Auth0 `token_endpoint_auth_method`, RFC 7591 §2).
public enum TokenEndpointAuthMethod: String, Codable, Sendable, Equatable, CaseIterable {
    /// A public client: no secret, identified by its id alone (SPAs, native apps).
    case none
    /// The secret in the form body.
    case clientSecretPost = "client_secret_post"
    /// The secret in an HTTP Basic `Authorization` header.
    case clientSecretBasic = "client_secret_basic"

    /// Whether clients using this method hold a secret.
    public var usesSecret: Bool { self != .none }
}
