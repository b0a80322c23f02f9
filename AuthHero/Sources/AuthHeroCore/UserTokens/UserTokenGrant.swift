/// The facts a user grant (authorization code or refresh token) established, from which `UserTokenIssuer` builds the
/// tokens.
public struct UserTokenGrant: Sendable {
    public var tenant: TenantContext
    public var client: Client
    public var user: User
    /// Space-separated scopes the person consented to.
    public var scope: String
    public var audience: String?
    public var organization: Organization?
    public var nonce: String?
    public var sessionID: String?
    /// The refresh token family to issue into; a code starts a new family, a rotation keeps its own.
    public var refreshFamilyID: String

    /// Describes a grant.
    public init(
        tenant: TenantContext, client: Client, user: User, scope: String, audience: String?,
        organization: Organization?, nonce: String?, sessionID: String?, refreshFamilyID: String
    ) {
        self.tenant = tenant
        self.client = client
        self.user = user
        self.scope = scope
        self.audience = audience
        self.organization = organization
        self.nonce = nonce
        self.sessionID = sessionID
        self.refreshFamilyID = refreshFamilyID
    }

    /// The requested scopes, one per element.
    public var scopes: [String] { scope.split(separator: " ").map(String.init) }
}
