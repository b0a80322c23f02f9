/// Your multi-tenancy hooks: this file is yours; create-authhero never rewrites it.
///
/// A later release calls these when a customer tenant is created or provisioned, so that you can
/// add your own set-up (default roles, branding, billing records).
struct MultiTenancyHooks: Sendable {
    /// A one-line description, printed at start-up.
    var summary: String { "default" }

    /// Called after a customer tenant has been created and linked to its organization.
    func tenantCreated(id: String, organizationID: String) {}
}
