import AuthHeroCore
import OpenAPIKit

/// The body of `POST /api/v2/resource-servers`.
struct CreateResourceServerBody: ManagementBody {
    static let schemaName = "CreateResourceServer"
    static var schema: JSONSchema {
        SpecSchema.strictBody([
            "identifier": .string(minLength: 1, maxLength: ResourceServerRules.maximumIdentifierLength),
            "name": .string(required: false), "scopes": ScopeBody.list, "signing_alg": SigningAlgorithm.schema,
            "token_lifetime": ResourceServerRules.tokenLifetimeSchema, "enforce_policies": .boolean(required: false),
            "allow_offline_access": .boolean(required: false), "metadata": SpecSchema.stringMap(required: false),
        ])
    }
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
struct UpdateResourceServerBody: ManagementBody {
    static let schemaName = "UpdateResourceServer"
    static var schema: JSONSchema {
        SpecSchema.strictBody([
            "identifier": .string(required: false), "name": .string(required: false), "scopes": ScopeBody.list,
            "signing_alg": SigningAlgorithm.schema, "token_lifetime": ResourceServerRules.tokenLifetimeSchema,
            "enforce_policies": .boolean(required: false), "allow_offline_access": .boolean(required: false),
            "metadata": SpecSchema.stringMap(required: false),
        ])
    }
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

    /// An optional list of scopes in a body.
    static let list = JSONSchema.array(
        required: false,
        items: .object(
            properties: ["value": .string, "description": .string(required: false)], additionalProperties: .a(false)))
}

extension SigningAlgorithm {
    /// An optional `signing_alg` in a body.
    static let schema = JSONSchema.string(required: false, allowedValues: ["RS256", "ES256"])
}

extension ResourceServerRules {
    /// An optional `token_lifetime` in a body, in seconds.
    static let tokenLifetimeSchema = JSONSchema.integer(
        required: false, maximum: (maximumTokenLifetime, exclusive: false), minimum: (1, exclusive: false))
}
