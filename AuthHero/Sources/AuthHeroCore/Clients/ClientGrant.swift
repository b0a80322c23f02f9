/// Permission for a client to get client-credentials tokens for one API, limited to `scope`.
public struct ClientGrant: Codable, Sendable, Equatable {
    public var tenantID: String
    public var id: String
    public var clientID: String
    /// The resource server identifier (token `aud`).
    public var audience: String
    public var scope: [String]

    /// Creates a grant record.
    public init(tenantID: String, id: String, clientID: String, audience: String, scope: [String]) {
        self.tenantID = tenantID
        self.id = id
        self.clientID = clientID
        self.audience = audience
        self.scope = scope
    }
}
