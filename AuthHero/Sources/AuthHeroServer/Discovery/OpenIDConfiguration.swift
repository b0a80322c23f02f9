/// The OpenID Provider metadata document (OpenID Connect Discovery 1.0 §3) for one issuer.
struct OpenIDConfiguration: Encodable {
    let issuer: String
    let authorizationEndpoint: String
    let tokenEndpoint: String
    let userinfoEndpoint: String
    let jwksURI: String
    let revocationEndpoint: String
    let endSessionEndpoint: String
    let responseTypesSupported = ["code"]
    let responseModesSupported = ["query", "web_message"]
    let subjectTypesSupported = ["public"]
    let idTokenSigningAlgValuesSupported = ["RS256"]
    let codeChallengeMethodsSupported = ["S256"]
    let grantTypesSupported = ["authorization_code", "refresh_token", "client_credentials"]
    let tokenEndpointAuthMethodsSupported = ["client_secret_basic", "client_secret_post", "none"]
    let scopesSupported = ["openid", "profile", "email", "offline_access"]
    let claimsSupported = [
        "aud", "auth_time", "email", "email_verified", "exp", "iat", "iss", "name", "nonce", "org_id", "org_name",
        "sub",
    ]

    /// Endpoints are the issuer (which ends in `/`) plus the Auth0 paths the SDKs hard-code.
    init(issuer: String) {
        self.issuer = issuer
        authorizationEndpoint = issuer + "authorize"
        tokenEndpoint = issuer + "oauth/token"
        userinfoEndpoint = issuer + "userinfo"
        jwksURI = issuer + ".well-known/jwks.json"
        revocationEndpoint = issuer + "oauth/revoke"
        endSessionEndpoint = issuer + "oidc/logout"
    }

    private enum CodingKeys: String, CodingKey {
        case issuer
        case authorizationEndpoint = "authorization_endpoint"
        case tokenEndpoint = "token_endpoint"
        case userinfoEndpoint = "userinfo_endpoint"
        case jwksURI = "jwks_uri"
        case revocationEndpoint = "revocation_endpoint"
        case endSessionEndpoint = "end_session_endpoint"
        case responseTypesSupported = "response_types_supported"
        case responseModesSupported = "response_modes_supported"
        case subjectTypesSupported = "subject_types_supported"
        case idTokenSigningAlgValuesSupported = "id_token_signing_alg_values_supported"
        case codeChallengeMethodsSupported = "code_challenge_methods_supported"
        case grantTypesSupported = "grant_types_supported"
        case tokenEndpointAuthMethodsSupported = "token_endpoint_auth_methods_supported"
        case scopesSupported = "scopes_supported"
        case claimsSupported = "claims_supported"
    }
}
