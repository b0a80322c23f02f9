/// One entry of `GET /api/v2/tenants`: a customer tenant seen through its control-plane organization.
struct TenantEntry: Decodable, Sendable, Equatable {
    /// The organization id (`org_...`): the `org_id` of that customer's organization tokens.
    let id: String
    /// The customer tenant's id, the value of the `tenant-id` header.
    let tenantID: String

    private enum CodingKeys: String, CodingKey {
        case id
        case tenantID = "tenant_id"
    }
}
