import AuthHeroCore

/// A client in Auth0's shape. `client_secret` is present only in the answers to creation and to secret rotation,
/// the two moments a new secret exists in plaintext; the stored hash is never shown.
struct ManagementClient: Encodable, Sendable {
    let clientID: String
    let tenant: String
    let name: String
    let description: String
    let appType: String
    let isFirstParty = true
    let tokenEndpointAuthMethod: String
    let callbacks: [String]
    let allowedLogoutURLs: [String]
    let webOrigins: [String]
    let allowedOrigins: [String]
    let grantTypes: [String]
    let clientSecret: String?

    init(_ client: Client, secret: String? = nil) {
        clientID = client.id
        tenant = client.tenantID
        name = client.name
        description = client.description
        appType = client.appType.rawValue
        tokenEndpointAuthMethod = client.tokenEndpointAuthMethod.rawValue
        callbacks = client.callbacks
        allowedLogoutURLs = client.allowedLogoutURLs
        webOrigins = client.webOrigins
        allowedOrigins = client.allowedOrigins
        grantTypes = client.grantTypes
        clientSecret = secret
    }

    private enum CodingKeys: String, CodingKey {
        case tenant, name, description, callbacks
        case clientID = "client_id"
        case appType = "app_type"
        case isFirstParty = "is_first_party"
        case tokenEndpointAuthMethod = "token_endpoint_auth_method"
        case allowedLogoutURLs = "allowed_logout_urls"
        case webOrigins = "web_origins"
        case allowedOrigins = "allowed_origins"
        case grantTypes = "grant_types"
        case clientSecret = "client_secret"
    }
}
