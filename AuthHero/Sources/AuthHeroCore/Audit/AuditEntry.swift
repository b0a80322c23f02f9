/// A stored ``AuditEvent`` with the id the audit log gave it: ids grow with every append, so they order the log and
/// serve as checkpoints for readers that follow it.
public struct AuditEntry: Sendable, Equatable {
    /// The log's own id of the event, unique within its tenant's log (a shared database numbers all tenants' events
    /// in one sequence; a database per tenant numbers each on its own).
    public var id: Int64
    public var event: AuditEvent

    /// Creates an entry.
    public init(id: Int64, event: AuditEvent) {
        self.id = id
        self.event = event
    }
}
