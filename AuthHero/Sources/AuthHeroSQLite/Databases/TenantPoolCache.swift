import Foundation
import GRDB

/// The open tenant databases, bounded: at most `capacity` idle pools stay open, the least recently used idle one is
/// closed first. A pool is leased for the duration of each store call and is never closed while leased; when every
/// open pool is leased the cache grows past its bound until leases end rather than fail a request. Concurrent
/// first uses of one tenant share one open.
final class TenantPoolCache: @unchecked Sendable {
    /// One tenant's pool, open or opening, with its lease count. Mutated only under the cache's lock.
    private final class Slot {
        let opening: Task<DatabasePool, any Error>
        var pool: DatabasePool?
        var leases = 0
        var lastUse: UInt64 = 0
        /// Taken out of the cache (evicted or its tenant deleted): closed when its last lease ends.
        var retired = false
        var whenClosed: [CheckedContinuation<Void, Never>] = []

        init(opening: Task<DatabasePool, any Error>) { self.opening = opening }
    }

    private let lock = NSLock()
    private var slots: [String: Slot] = [:]
    private var clock: UInt64 = 0
    private var openCount = 0
    private let open: @Sendable (String) async throws -> DatabasePool
    /// The most idle pools kept open.
    let capacity: Int

    /// A cache opening tenant `id`'s pool with `open` on first use.
    init(capacity: Int, open: @escaping @Sendable (String) async throws -> DatabasePool) {
        self.capacity = max(1, capacity)
        self.open = open
    }

    /// How many pools are in the cache (open or opening).
    var count: Int { lock.withLock { slots.count } }

    /// How many times a pool has been opened since the cache was made.
    var opens: Int { lock.withLock { openCount } }

    /// Whether `tenantID`'s pool is in the cache.
    func contains(_ tenantID: String) -> Bool { lock.withLock { slots[tenantID] != nil } }

    /// Runs `body` with `tenantID`'s pool, opening it if needed; the pool is not closed before `body` returns.
    func withPool<T>(_ tenantID: String, _ body: (DatabasePool) async throws -> T) async throws -> T {
        let slot = lease(tenantID)
        let pool: DatabasePool
        do {
            pool = try await slot.opening.value
        } catch {
            release(slot, tenantID: tenantID, failed: true)
            throw error
        }
        lock.withLock { slot.pool = pool }
        evictIdle()
        defer { release(slot, tenantID: tenantID, failed: false) }
        return try await body(pool)
    }

    /// Takes `tenantID`'s pool out of the cache and returns once it is closed (after its in-flight leases end).
    func retire(_ tenantID: String) async {
        let slot: Slot? = lock.withLock { slots.removeValue(forKey: tenantID) }
        guard let slot else { return }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let closeNow: Bool = lock.withLock {
                slot.retired = true
                guard slot.leases == 0 else {
                    slot.whenClosed.append(continuation)
                    return false
                }
                return true
            }
            if closeNow {
                close(slot)
                continuation.resume()
            }
        }
    }

    /// Closes every idle pool and forgets every pool (for shutdown and tests).
    func retireAll() async {
        for tenantID in lock.withLock({ Array(slots.keys) }) { await retire(tenantID) }
    }

    private func lease(_ tenantID: String) -> Slot {
        lock.withLock {
            clock += 1
            let slot: Slot
            if let existing = slots[tenantID] {
                slot = existing
            } else {
                let open = self.open
                slot = Slot(opening: Task { try await open(tenantID) })
                slots[tenantID] = slot
                openCount += 1
            }
            slot.leases += 1
            slot.lastUse = clock
            return slot
        }
    }

    private func release(_ slot: Slot, tenantID: String, failed: Bool) {
        let waiters: [CheckedContinuation<Void, Never>]? = lock.withLock {
            slot.leases -= 1
            // A failed open is forgotten so the next use tries again (e.g. after the tenant is created).
            if failed, slots[tenantID] === slot { slots[tenantID] = nil }
            guard slot.retired, slot.leases == 0 else { return nil }
            defer { slot.whenClosed = [] }
            return slot.whenClosed
        }
        guard let waiters else { return }
        close(slot)
        for waiter in waiters { waiter.resume() }
    }

    /// Closes least recently used idle pools while the cache is over capacity.
    private func evictIdle() {
        let evicted: [Slot] = lock.withLock {
            var evicted: [Slot] = []
            while slots.count > capacity {
                let idle = slots.filter { $0.value.leases == 0 && $0.value.pool != nil }
                guard let oldest = idle.min(by: { $0.value.lastUse < $1.value.lastUse }) else { break }
                slots[oldest.key] = nil
                oldest.value.retired = true
                evicted.append(oldest.value)
            }
            return evicted
        }
        for slot in evicted { close(slot) }
    }

    private func close(_ slot: Slot) {
        // Closing fails only while a statement is still running, which leases rule out; a pool that never opened
        // has nothing to close.
        try? lock.withLock { slot.pool }?.close()
    }
}
