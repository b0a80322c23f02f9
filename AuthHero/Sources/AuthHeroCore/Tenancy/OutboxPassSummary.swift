/// What one ``ControlPlaneSync/processPending()`` pass did.
public struct OutboxPassSummary: Sendable, Equatable {
    /// Entries applied to every customer tenant and marked done.
    public var processed = 0
    /// Entries that failed for at least one tenant; they stay pending with one more attempt counted.
    public var failed = 0
    /// Each tenant that failed, per failed entry.
    public var failures: [SyncFailure] = []

    /// An empty summary.
    public init() {}
}
