/// What a full sync pass (``ControlPlaneSync/synchronizeAll()``) did.
public struct FullSyncSummary: Sendable, Equatable {
    /// Customer tenants whose copies now equal the control plane's syncable set.
    public var tenants = 0
    /// Copies (resource servers, roles, permissions) created, changed or removed to get there; non-zero means a
    /// change had been lost or a failure left a tenant behind.
    public var repairs = 0
    /// Tenants that could not be brought up to date.
    public var failures: [SyncFailure] = []

    /// An empty summary.
    public init() {}
}
