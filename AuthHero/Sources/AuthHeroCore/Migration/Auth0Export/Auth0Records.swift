/// The objects of Auth0's Management API v2 as an export holds them: only the members this server maps are
/// declared, the others are ignored (see the README's migration section for the list).

/// An entry of `GET /api/v2/roles`.
struct Auth0Role: Decodable {
    var id: String
    var name: String
    var description: String?
}

/// An entry of `GET /api/v2/roles/{id}/permissions`.
struct Auth0Permission: Decodable {
    var resourceServerIdentifier: String
    var permissionName: String

    enum CodingKeys: String, CodingKey {
        case resourceServerIdentifier = "resource_server_identifier"
        case permissionName = "permission_name"
    }
}

/// An entry of `GET /api/v2/resource-servers`.
struct Auth0ResourceServer: Decodable {
    struct Scope: Decodable {
        var value: String
        var description: String?
    }

    var id: String?
    var name: String?
    var identifier: String
    var scopes: [Scope]?
    var signingAlgorithm: String?
    var tokenLifetime: Int?
    var allowOfflineAccess: Bool?
    var enforcePolicies: Bool?
    var isSystem: Bool?

    enum CodingKeys: String, CodingKey {
        case id, name, identifier, scopes
        case signingAlgorithm = "signing_alg"
        case tokenLifetime = "token_lifetime"
        case allowOfflineAccess = "allow_offline_access"
        case enforcePolicies = "enforce_policies"
        case isSystem = "is_system"
    }
}

/// An entry of `GET /api/v2/clients`.
struct Auth0Client: Decodable {
    var clientID: String
    var name: String
    var description: String?
    var appType: String?
    var callbacks: [String]?
    var allowedLogoutURLs: [String]?
    var webOrigins: [String]?
    var allowedOrigins: [String]?
    var grantTypes: [String]?
    var tokenEndpointAuthMethod: String?
    var global: Bool?

    enum CodingKeys: String, CodingKey {
        case name, description, callbacks, global
        case clientID = "client_id"
        case appType = "app_type"
        case allowedLogoutURLs = "allowed_logout_urls"
        case webOrigins = "web_origins"
        case allowedOrigins = "allowed_origins"
        case grantTypes = "grant_types"
        case tokenEndpointAuthMethod = "token_endpoint_auth_method"
    }
}

/// An entry of `GET /api/v2/connections`.
struct Auth0Connection: Decodable {
    var id: String
    var name: String
    var strategy: String
}

/// An entry of `GET /api/v2/organizations` (checkpoint pages, concatenated).
struct Auth0Organization: Decodable {
    var id: String
    var name: String
    var displayName: String?
    var metadata: [String: String]?

    enum CodingKeys: String, CodingKey {
        case id, name, metadata
        case displayName = "display_name"
    }
}

/// An entry of `GET /api/v2/organizations/{id}/members`.
struct Auth0Member: Decodable {
    var userID: String

    enum CodingKeys: String, CodingKey { case userID = "user_id" }
}

/// An entry of `GET /api/v2/organizations/{id}/members/{user_id}/roles`.
struct Auth0MemberRole: Decodable {
    var id: String
}
