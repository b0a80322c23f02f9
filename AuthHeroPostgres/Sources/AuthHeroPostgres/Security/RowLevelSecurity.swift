/// Row-level security on tenant tables, as defence in depth under the stores' own `tenant_id` filters: every
/// transaction sets `authhero.tenant_id` (``PostgresStorage``), and a policy shows and accepts only that tenant's
/// rows. A query that forgets its tenant, or a transaction that never set one, sees nothing.
///
/// Policies bind every role but the tables' owner and superusers, so the server connects as a role that is neither
/// (``PostgresStorage/verifyRowLevelSecurityApplies()`` refuses one that would bypass them); `migrate` runs as the
/// owner, whose data migrations must reach every tenant.
enum RowLevelSecurity {
    /// The per-transaction setting the policies read.
    static let tenantSetting = "authhero.tenant_id"

    /// The policy's name on every tenant table.
    static let policyName = "tenant_rows"

    /// The statements that put `table`, which has a `tenant_id` column, under the tenant policy.
    static func statements(for table: String) -> [String] {
        // `current_setting(…, true)` is NULL when the setting was never made and '' after a transaction that set
        // it locally ends; neither equals a tenant id.
        let current = "current_setting('\(tenantSetting)', true)"
        return [
            "ALTER TABLE \(SQLName.quoted(table)) ENABLE ROW LEVEL SECURITY",
            """
            CREATE POLICY \(policyName) ON \(SQLName.quoted(table))
            USING (tenant_id = \(current)) WITH CHECK (tenant_id = \(current))
            """,
        ]
    }
}
