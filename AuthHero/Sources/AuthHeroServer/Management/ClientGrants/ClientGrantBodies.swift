/// The body of `POST /api/v2/client-grants`.
struct CreateClientGrantBody: StrictBody {
    static let shape = #"{"client_id": string, "audience": resource server identifier, "scope": [string]}"#

    let clientID: String
    let audience: String
    let scope: [String]

    enum Members: String, CodingKey, CaseIterable {
        case audience, scope
        case clientID = "client_id"
    }

    init(from decoder: any Decoder) throws {
        try Self.refuseUnknownMembers(decoder)
        let container = try decoder.container(keyedBy: Members.self)
        clientID = try container.decode(String.self, forKey: .clientID)
        audience = try container.decode(String.self, forKey: .audience)
        scope = try container.decode([String].self, forKey: .scope)
    }
}

/// The body of `PATCH /api/v2/client-grants/{id}`: only the scope changes.
struct UpdateClientGrantBody: StrictBody {
    static let shape = #"{"scope": [string]}"#

    let scope: [String]

    enum Members: String, CodingKey, CaseIterable {
        case scope
    }

    init(from decoder: any Decoder) throws {
        try Self.refuseUnknownMembers(decoder)
        scope = try decoder.container(keyedBy: Members.self).decode([String].self, forKey: .scope)
    }
}
