import Foundation

/// The append-only audit trail.
public protocol AuditLog: Sendable {
    /// Appends an event; callers that must not act unaudited treat a throw as failure of the whole action.
    func append(_ event: AuditEvent, tenantID: String) async throws
    /// The most recent events of a tenant, newest first.
    func events(tenantID: String, limit: Int) async throws -> [AuditEvent]
    /// One window of the tenant's events matching `filter`, newest first, with the count of all that match.
    func auditEntries(_ filter: AuditFilter, window: ListWindow, tenantID: String) async throws -> ListSlice<AuditEntry>
    /// Up to `take` of the tenant's events matching `filter` with an id above `after` (from the oldest when nil),
    /// oldest first: how a reader follows the log from its last checkpoint.
    func auditEntries(_ filter: AuditFilter, after: Int64?, take: Int, tenantID: String) async throws -> [AuditEntry]
    /// Deletes the tenant's events that occurred before `date`; returns how many went.
    func pruneAuditEntries(before date: Date, tenantID: String) async throws -> Int
    /// The tenant's event with this id, or nil (also when the id belongs to another tenant).
    func auditEntry(id: Int64, tenantID: String) async throws -> AuditEntry?
}
