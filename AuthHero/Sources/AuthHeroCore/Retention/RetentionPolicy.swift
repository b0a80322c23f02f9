/// How long processed records are kept before ``RetentionPruner`` deletes them, and how often the server prunes.
public struct RetentionPolicy: Sendable, Equatable {
    /// Outbox entries are kept this long after they were processed (default 7 days). Entries that used up their
    /// attempts go after the same age; reconcile's full sync repairs what they carried.
    public var outbox: Duration
    /// Audit entries (the Management API's `/logs`) are kept this long (default 90 days).
    public var audit: Duration
    /// How often a running server prunes (default hourly).
    public var interval: Duration

    /// The defaults: outbox 7 days, audit 90 days, pruned hourly.
    public init(
        outbox: Duration = .seconds(7 * 86_400), audit: Duration = .seconds(90 * 86_400),
        interval: Duration = .seconds(3_600)
    ) {
        self.outbox = outbox
        self.audit = audit
        self.interval = interval
    }
}
