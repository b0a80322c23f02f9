/// What ``TenantProvisioner/reconcile()`` did: tenants finished, tenants still failing, the outbox pass and the full
/// sync pass. Its `description` is one line for a CLI or a log.
public struct ReconcileSummary: Sendable, Equatable, CustomStringConvertible {
    /// Tenants that were `pending` or `failed` and are `ready` now.
    public var provisioned: [String] = []
    /// Tenants whose own database (database-per-tenant storage) was missing or unprovisioned and was provisioned
    /// again; they are in ``provisioned`` too when that succeeded.
    public var repairedDatabases: [String] = []
    /// Tenants whose provisioning failed again; they are left `failed` for the next reconcile.
    public var failed: [SyncFailure] = []
    /// The outbox pass.
    public var outbox = OutboxPassSummary()
    /// The full sync pass.
    public var fullSync = FullSyncSummary()

    /// An empty summary.
    public init() {}

    /// Whether anything is still wrong: a tenant that could not be provisioned or synced, or a failing outbox entry.
    public var hasFailures: Bool { !failed.isEmpty || outbox.failed > 0 || !fullSync.failures.isEmpty }

    public var description: String {
        var parts = [
            provisioned.isEmpty ? "every tenant was ready" : "provisioned " + provisioned.joined(separator: ", ")
        ]
        if !repairedDatabases.isEmpty {
            parts.append("repaired the database of " + repairedDatabases.joined(separator: ", "))
        }
        parts.append("\(outbox.processed) change(s) synced")
        parts.append("\(fullSync.tenants) tenant(s) checked, \(fullSync.repairs) synced copies repaired")
        let failures = failed + outbox.failures + fullSync.failures
        if !failures.isEmpty { parts.append("failing: " + failures.map(\.description).joined(separator: "; ")) }
        return parts.joined(separator: "; ")
    }
}
