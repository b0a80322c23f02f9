/// What a grant decided a token should say; `TokenIssuer` turns it into a signed JWT.
public struct AccessTokenRequest: Sendable {
    public var tenantID: String
    public var issuer: String
    public var subject: String
    public var clientID: String
    public var resourceServer: ResourceServer
    public var scopes: [String]
    /// Set when the resource server has RBAC on.
    public var permissions: [String]?
    public var grantType: String?
    public var organizationID: String?
    public var organizationName: String?

    /// Describes an access token to issue.
    public init(
        tenantID: String, issuer: String, subject: String, clientID: String, resourceServer: ResourceServer,
        scopes: [String], permissions: [String]?, grantType: String? = nil, organizationID: String? = nil,
        organizationName: String? = nil
    ) {
        self.tenantID = tenantID
        self.issuer = issuer
        self.subject = subject
        self.clientID = clientID
        self.resourceServer = resourceServer
        self.scopes = scopes
        self.permissions = permissions
        self.grantType = grantType
        self.organizationID = organizationID
        self.organizationName = organizationName
    }
}
