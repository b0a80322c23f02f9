/// The tenant a request was resolved to, with the issuer it speaks as on this host.
public struct TenantContext: Sendable, Equatable {
    public var tenant: Tenant
    /// `iss` for tokens and discovery, always ending in `/`.
    public var issuer: String

    /// Pairs a tenant with its issuer for this request.
    public init(tenant: Tenant, issuer: String) {
        self.tenant = tenant
        self.issuer = issuer
    }
}
