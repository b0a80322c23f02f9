/// What `/oauth/token` answers to an interactive client: an access token, always an ID token, and a refresh token
/// when `offline_access` was granted.
public struct UserTokens: Sendable {
    public var access: IssuedToken
    public var idToken: String
    public var refreshToken: String?

    /// Bundles issued tokens.
    public init(access: IssuedToken, idToken: String, refreshToken: String?) {
        self.access = access
        self.idToken = idToken
        self.refreshToken = refreshToken
    }
}
