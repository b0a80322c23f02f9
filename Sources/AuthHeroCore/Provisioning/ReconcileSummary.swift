/// What ``TenantProvisioner/reconcile()`` did: tenants finished, tenants still failing, the outbox pass and the full
/// sync pass.
public struct ReconcileSummary: Sendable, Equatable {
    /// Tenants that were `pending` or `failed` and are `ready` now.
    public var provisioned: [String] = []
    /// Tenants whose provisioning failed again; they are left `failed` for the next reconcile.
    public var failed: [SyncFailure] = []
    /// The outbox pass.
    public var outbox = OutboxPassSummary()
    /// The full sync pass.
    public var fullSync = FullSyncSummary()

    /// An empty summary.
    public init() {}
}
