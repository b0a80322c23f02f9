import AuthHeroCore

/// The successful `/oauth/token` answer (RFC 6749 §5.1).
struct TokenResponse: Encodable {
    let accessToken: String
    let tokenType: String
    let expiresIn: Int
    let scope: String?
    var idToken: String?
    var refreshToken: String?

    init(_ token: IssuedToken) {
        accessToken = token.accessToken
        tokenType = token.tokenType
        expiresIn = token.expiresIn
        scope = token.scope.isEmpty ? nil : token.scope
    }

    /// The answer of a user grant: always an ID token, a refresh token when one was issued.
    init(_ tokens: UserTokens) {
        self.init(tokens.access)
        idToken = tokens.idToken
        refreshToken = tokens.refreshToken
    }

    private enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case tokenType = "token_type"
        case expiresIn = "expires_in"
        case scope
        case idToken = "id_token"
        case refreshToken = "refresh_token"
    }
}
