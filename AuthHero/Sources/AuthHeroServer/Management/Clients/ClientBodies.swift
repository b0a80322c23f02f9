import Foundation
import OpenAPIKit

/// The body of `POST /api/v2/clients`: Auth0's fields; enum values are read as strings so a wrong one gets a
/// message listing the right ones.
struct CreateClientBody: ManagementBody {
    static let schemaName = "CreateClient"
    static var schema: JSONSchema {
        ClientFields.schema(name: .string(minLength: 1, maxLength: ClientRules.maximumNameLength))
    }
    static let shape =
        #"{"name": string, "description"?: string, "app_type"?: "spa"|"native"|"regular_web"|"non_interactive", "#
        + #""token_endpoint_auth_method"?: "none"|"client_secret_post"|"client_secret_basic", "callbacks"?: [url], "#
        + #""allowed_logout_urls"?: [url], "web_origins"?: [origin], "allowed_origins"?: [origin], "#
        + #""grant_types"?: [string]}"#

    let name: String
    let fields: ClientFields

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: ClientFields.Members.self)
        name = try container.decode(String.self, forKey: .name)
        fields = try ClientFields(from: decoder)
    }
}

/// The body of `PATCH /api/v2/clients/{id}`; absent fields stay as they are.
struct UpdateClientBody: ManagementBody {
    static let schemaName = "UpdateClient"
    static var schema: JSONSchema {
        ClientFields.schema(name: .string(required: false, minLength: 1, maxLength: ClientRules.maximumNameLength))
    }
    static let shape = CreateClientBody.shape.replacingOccurrences(of: #""name": string"#, with: #""name"?: string"#)

    let name: String?
    let fields: ClientFields

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: ClientFields.Members.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        fields = try ClientFields(from: decoder)
    }
}

/// The optional client fields creation and update share.
struct ClientFields: Decodable {
    let description: String?
    let appType: String?
    let tokenEndpointAuthMethod: String?
    let callbacks: [String]?
    let allowedLogoutURLs: [String]?
    let webOrigins: [String]?
    let allowedOrigins: [String]?
    let grantTypes: [String]?

    /// The body's schema: `name`, then the shared fields.
    static func schema(name: JSONSchema) -> JSONSchema {
        let strings = JSONSchema.array(
            required: false, maxItems: ClientRules.maximumListLength, items: .string(minLength: 1))
        return SpecSchema.strictBody([
            "name": name,
            "description": .string(required: false, maxLength: ClientRules.maximumDescriptionLength),
            "app_type": .string(required: false, allowedValues: ["spa", "native", "regular_web", "non_interactive"]),
            "token_endpoint_auth_method": .string(
                required: false, allowedValues: ["none", "client_secret_post", "client_secret_basic"]),
            "callbacks": strings, "allowed_logout_urls": strings, "web_origins": strings, "allowed_origins": strings,
            "grant_types": strings,
        ])
    }

    enum Members: String, CodingKey {
        case name, description, callbacks
        case appType = "app_type"
        case tokenEndpointAuthMethod = "token_endpoint_auth_method"
        case allowedLogoutURLs = "allowed_logout_urls"
        case webOrigins = "web_origins"
        case allowedOrigins = "allowed_origins"
        case grantTypes = "grant_types"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Members.self)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        appType = try container.decodeIfPresent(String.self, forKey: .appType)
        tokenEndpointAuthMethod = try container.decodeIfPresent(String.self, forKey: .tokenEndpointAuthMethod)
        callbacks = try container.decodeIfPresent([String].self, forKey: .callbacks)
        allowedLogoutURLs = try container.decodeIfPresent([String].self, forKey: .allowedLogoutURLs)
        webOrigins = try container.decodeIfPresent([String].self, forKey: .webOrigins)
        allowedOrigins = try container.decodeIfPresent([String].self, forKey: .allowedOrigins)
        grantTypes = try container.decodeIfPresent([String].self, forKey: .grantTypes)
    }
}
