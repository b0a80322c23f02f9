import Foundation

/// The durable queue of control-plane changes that sync fans out to customer tenants outside the request
/// (provisioning is two-phase and self-healing).
public protocol OutboxStore: Sendable {
    /// Appends `change` as a pending entry and returns it with its id.
    func enqueueOutbox(_ change: ControlPlaneChange, at date: Date) async throws -> OutboxEntry
    /// Up to `limit` pending entries with an id above `afterID` and fewer than `maxAttempts` failed attempts, oldest
    /// first. Claiming takes no lock: applying an entry is idempotent, so two processors may safely overlap.
    func claimOutbox(afterID: Int64, limit: Int, maxAttempts: Int) async throws -> [OutboxEntry]
    /// Marks entries processed.
    func markOutboxDone(_ ids: [Int64], at date: Date) async throws
    /// Counts one more failed attempt on entry `id` and keeps `error` as its last error.
    func markOutboxFailed(_ id: Int64, error: String) async throws
    /// Deletes the entries processed before `date`, and those recorded before `date` that used up `maxAttempts`
    /// (reconcile's full sync repairs what they carried); returns how many went.
    func pruneOutbox(before date: Date, maxAttempts: Int) async throws -> Int
    /// Every entry, oldest first (for operators and tests).
    func outboxEntries() async throws -> [OutboxEntry]
}
