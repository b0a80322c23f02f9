/// One entry of `/api/v2/tenants`: the tenant seen through its control-plane organization.
struct TenantEntry: Encodable, Sendable {
    /// The organization id (`org_...`), the value of `organization=` when requesting an organization token.
    let id: String
    let tenantID: String
    let name: String
    let displayName: String
    /// The hosts the tenant serves on: its subdomain and its verified custom domains.
    let domains: [String]

    private enum CodingKeys: String, CodingKey {
        case id
        case tenantID = "tenant_id"
        case name
        case displayName = "display_name"
        case domains
    }
}

/// The `include_totals=true` shape of `/api/v2/tenants`.
struct TenantList: Encodable, Sendable {
    let tenants: [TenantEntry]
    let start: Int
    let limit: Int
    let total: Int
}
