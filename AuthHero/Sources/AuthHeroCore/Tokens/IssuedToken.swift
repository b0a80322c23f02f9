/// A signed access token with the facts the token response repeats.
public struct IssuedToken: Sendable {
    public var accessToken: String
    /// Seconds until `exp`.
    public var expiresIn: Int
    public var scope: String
    /// Always `Bearer`.
    public var tokenType: String { "Bearer" }
}
