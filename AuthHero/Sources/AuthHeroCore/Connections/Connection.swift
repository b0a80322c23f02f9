/// A source of users for a tenant (e.g. `Username-Password-Authentication`, strategy `auth0`).
public struct Connection: Codable, Sendable, Equatable {
    public var tenantID: String
    public var id: String
    public var name: String
    public var strategy: String
    /// Strategy options (password policy, sign-up allowed, ...), free-form.
    public var options: [String: String]

    /// Creates a connection record.
    public init(tenantID: String, id: String, name: String, strategy: String = "auth0", options: [String: String] = [:])
    {
        self.tenantID = tenantID
        self.id = id
        self.name = name
        self.strategy = strategy
        self.options = options
    }
}
