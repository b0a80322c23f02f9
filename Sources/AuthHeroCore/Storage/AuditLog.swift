/// The append-only audit trail.
public protocol AuditLog: Sendable {
    /// Appends an event; callers that must not act unaudited treat a throw as failure of the whole action.
    func append(_ event: AuditEvent, tenantID: String) async throws
    /// The most recent events of a tenant, newest first.
    func events(tenantID: String, limit: Int) async throws -> [AuditEvent]
}
