/// Whether a tenant creation is bound by the per-user quota (``MultiTenancyPlugin/tenantQuotaPerUser``).
public enum TenantQuota: Sendable, Equatable {
    /// The creator may have created at most the plugin's quota of tenants: every self-service creation.
    case perUser
    /// No limit: platform staff (`admin:tenants`), who create tenants on others' behalf.
    case unlimited
}
