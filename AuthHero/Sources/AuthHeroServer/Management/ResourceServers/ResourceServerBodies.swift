import AuthHeroCore

/// The body of `POST /api/v2/resource-servers`.
struct CreateResourceServerBody: Decodable {
    static let shape =
        #"{"identifier": string, "name"?: string, "scopes"?: [{"value": string, "description"?: string}], "#
        + #""signing_alg"?: "RS256"|"ES256", "token_lifetime"?: seconds, "enforce_policies"?: bool, "#
        + #""allow_offline_access"?: bool, "metadata"?: {string: string}}"#

    let identifier: String
    let name: String?
    let scopes: [ScopeBody]?
    let signingAlg: SigningAlgorithm?
    let tokenLifetime: Int?
    let enforcePolicies: Bool?
    let allowOfflineAccess: Bool?
    let metadata: [String: String]?

    private enum CodingKeys: String, CodingKey {
        case identifier, name, scopes, metadata
        case signingAlg = "signing_alg"
        case tokenLifetime = "token_lifetime"
        case enforcePolicies = "enforce_policies"
        case allowOfflineAccess = "allow_offline_access"
    }
}

/// The body of `PATCH /api/v2/resource-servers/{id}`; absent fields stay as they are, `identifier` cannot change.
struct UpdateResourceServerBody: Decodable {
    static let shape =
        #"{"name"?: string, "scopes"?: [{"value": string, "description"?: string}], "signing_alg"?: "RS256"|"ES256", "#
        + #""token_lifetime"?: seconds, "enforce_policies"?: bool, "allow_offline_access"?: bool, "#
        + #""metadata"?: {string: string}}"#

    let identifier: String?
    let name: String?
    let scopes: [ScopeBody]?
    let signingAlg: SigningAlgorithm?
    let tokenLifetime: Int?
    let enforcePolicies: Bool?
    let allowOfflineAccess: Bool?
    let metadata: [String: String]?

    private enum CodingKeys: String, CodingKey {
        case identifier, name, scopes, metadata
        case signingAlg = "signing_alg"
        case tokenLifetime = "token_lifetime"
        case enforcePolicies = "enforce_policies"
        case allowOfflineAccess = "allow_offline_access"
    }
}

/// `{"value": "read:profile", "description": "..."}`.
struct ScopeBody: Decodable {
    let value: String
    let description: String?
}
