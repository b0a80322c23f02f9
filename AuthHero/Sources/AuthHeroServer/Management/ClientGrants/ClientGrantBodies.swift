import OpenAPIKit

/// The body of `POST /api/v2/client-grants`.
struct CreateClientGrantBody: ManagementBody {
    static let schemaName = "CreateClientGrant"
    static let shape = #"{"client_id": string, "audience": resource server identifier, "scope": [string]}"#
    static var schema: JSONSchema {
        SpecSchema.strictBody([
            "client_id": .string(minLength: 1), "audience": .string(minLength: 1),
            "scope": .array(items: .string(minLength: 1)),
        ])
    }

    let clientID: String
    let audience: String
    let scope: [String]

    private enum CodingKeys: String, CodingKey {
        case audience, scope
        case clientID = "client_id"
    }
}

/// The body of `PATCH /api/v2/client-grants/{id}`: only the scope changes.
struct UpdateClientGrantBody: ManagementBody {
    static let schemaName = "UpdateClientGrant"
    static let shape = #"{"scope": [string]}"#
    static var schema: JSONSchema {
        SpecSchema.strictBody(["scope": .array(items: .string(minLength: 1))])
    }

    let scope: [String]
}
