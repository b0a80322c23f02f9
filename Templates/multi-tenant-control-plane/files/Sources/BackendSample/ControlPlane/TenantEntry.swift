/// One entry of `GET /api/v2/tenants`: a customer tenant seen through its control-plane organization.
struct TenantEntry: Codable, Sendable, Equatable {
    /// The organization id (`org_...`): the `org_id` of that customer's organization tokens.
    let id: String
    /// The customer tenant's id, the value of the `tenant-id` header.
    let tenantID: String
    /// The organization's name and display name.
    let name: String
    let displayName: String
    /// The hosts the tenant answers on.
    let domains: [String]

    private enum CodingKeys: String, CodingKey {
        case id
        case tenantID = "tenant_id"
        case name
        case displayName = "display_name"
        case domains
    }
}
