/// Where tenants' rows live on PostgreSQL. The same build serves both; the choice is a runtime setting (`STORAGE`).
public enum PostgresLayout: String, CaseIterable, Sendable {
    /// One schema holds every tenant's rows, told apart by `tenant_id` and fenced by row-level security.
    case shared
    /// The registry schema holds the tenants, custom domains, outbox and the control plane's own rows; each customer
    /// tenant has a schema of its own, `tenant_<id>`, reached through `SET LOCAL search_path` in each transaction
    /// (never through a pool per tenant), with no foreign key or query crossing schemas, as Citus's schema-based
    /// sharding requires.
    case schemaPerTenant = "schema-per-tenant"
}
