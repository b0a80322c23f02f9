import AuthHeroCore

/// A client grant in Auth0's shape.
struct ManagementClientGrant: Encodable, Sendable {
    let id: String
    let clientID: String
    let audience: String
    let scope: [String]

    init(_ grant: ClientGrant) {
        id = grant.id
        clientID = grant.clientID
        audience = grant.audience
        scope = grant.scope
    }

    private enum CodingKeys: String, CodingKey {
        case id, audience, scope
        case clientID = "client_id"
    }
}
