extension TenantResolver {
    /// Every issuer whose tokens are the tenant's own: the issuer of this request, the tenant's subdomain issuer
    /// (with either scheme when a trusted proxy may switch it) and the issuer of each verified custom domain. Routes
    /// that verify the tenant's own tokens (userinfo, its Management API) accept all of them, each checked against
    /// the tenant's keys only, so a token minted on the subdomain stays valid at the custom domain and back. The
    /// control plane has exactly one issuer, its base URL.
    public func issuers(of context: TenantContext) async throws -> Set<String> {
        let tenantID = context.tenant.id
        guard tenantID != ControlPlane.tenantID else { return [context.issuer] }
        var issuers: Set<String> = [context.issuer, hosts.subdomainIssuer(tenantID: tenantID)]
        if hosts.trustForwardedHeaders {
            for scheme in ["http", "https"] {
                issuers.insert(hosts.subdomainIssuer(tenantID: tenantID, scheme: scheme))
            }
        }
        for domain in try await tenants.customDomains(tenantID: tenantID) where domain.status == .verified {
            issuers.insert(PlatformHosts.customDomainIssuer(domain.domain))
        }
        return issuers
    }
}
