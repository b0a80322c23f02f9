import Foundation

/// The durable queue of control-plane changes that sync fans out to customer tenants outside the request
/// (provisioning is two-phase and self-healing).
public protocol OutboxStore: Sendable {
    /// Appends `change` as a pending entry and returns it with its id.
    func enqueueOutbox(_ change: ControlPlaneChange, at date: Date) async throws -> OutboxEntry
    /// Claims up to `limit` pending entries with an id above `afterID`, fewer than `maxAttempts` failed attempts and
    /// no claim still held at `now`, oldest first, and holds them until `claimUntil`. Processors sharing one database
    /// get disjoint entries, so each entry is applied once; an entry whose processor died (or outran its claim) is
    /// claimed again once the claim lapses, which is safe because applying an entry is idempotent.
    func claimOutbox(afterID: Int64, limit: Int, maxAttempts: Int, now: Date, claimUntil: Date) async throws
        -> [OutboxEntry]
    /// Marks entries processed and releases their claims.
    func markOutboxDone(_ ids: [Int64], at date: Date) async throws
    /// Counts one more failed attempt on entry `id`, keeps `error` as its last error and releases its claim.
    func markOutboxFailed(_ id: Int64, error: String) async throws
    /// Deletes the entries processed before `date`, and those recorded before `date` that used up `maxAttempts`
    /// (reconcile's full sync repairs what they carried); returns how many went.
    func pruneOutbox(before date: Date, maxAttempts: Int) async throws -> Int
    /// Every entry, oldest first (for operators and tests).
    func outboxEntries() async throws -> [OutboxEntry]
}
