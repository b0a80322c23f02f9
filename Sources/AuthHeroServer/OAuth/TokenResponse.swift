import AuthHeroCore

/// The successful `/oauth/token` answer (RFC 6749 §5.1).
struct TokenResponse: Encodable {
    let accessToken: String
    let tokenType: String
    let expiresIn: Int
    let scope: String?

    init(_ token: IssuedToken) {
        accessToken = token.accessToken
        tokenType = token.tokenType
        expiresIn = token.expiresIn
        scope = token.scope.isEmpty ? nil : token.scope
    }

    private enum CodingKeys: String, CodingKey {
        case accessToken = "access_token", tokenType = "token_type", expiresIn = "expires_in", scope
    }
}
