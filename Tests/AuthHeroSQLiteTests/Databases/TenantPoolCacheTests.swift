import Foundation
import GRDB
import Testing

@testable import AuthHeroSQLite

/// The bounded cache of open tenant databases: one open per tenant however many first uses race, least recently
/// used idle pools closed beyond the bound, and never a pool closed under a call still using it.
@Suite struct TenantPoolCacheTests {
    private let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("authhero-pools-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    private func cache(capacity: Int) -> TenantPoolCache {
        let folder = self.folder
        return TenantPoolCache(capacity: capacity) { tenantID in
            try DatabasePool(path: folder.appendingPathComponent("\(tenantID).sqlite").path)
        }
    }

    /// Whether `pool` still answers queries (a closed pool throws).
    private func answers(_ pool: DatabasePool) -> Bool {
        (try? pool.read { try Int.fetchOne($0, sql: "SELECT 1") }) == 1
    }

    @Test func concurrentFirstUsesOfOneTenantOpenItOnce() async throws {
        let pools = cache(capacity: 4)
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<32 {
                group.addTask {
                    try await pools.withPool("a") { pool in
                        try await pool.read { try Int.fetchOne($0, sql: "SELECT 1")! }
                    }
                }
            }
            for try await value in group { #expect(value == 1) }
        }
        #expect(pools.opens == 1)
        #expect(pools.count == 1)
    }

    @Test func theLeastRecentlyUsedIdlePoolIsClosedBeyondTheBound() async throws {
        let pools = cache(capacity: 2)
        let a = try await pools.withPool("a") { $0 }
        _ = try await pools.withPool("b") { $0 }
        _ = try await pools.withPool("a") { $0 }
        _ = try await pools.withPool("c") { $0 }

        #expect(pools.count == 2)
        #expect(pools.contains("a"))
        #expect(!pools.contains("b"))
        #expect(pools.contains("c"))
        #expect(answers(a))
        _ = try await pools.withPool("b") { $0 }
        #expect(pools.opens == 4, "b was opened again after its eviction")
    }

    @Test func aPoolInUseIsNotClosedWhenOthersOpenPastTheBound() async throws {
        let pools = cache(capacity: 1)
        let (entered, enteredSignal) = AsyncStream.makeStream(of: Void.self)
        let (proceed, proceedSignal) = AsyncStream.makeStream(of: Void.self)
        let inFlight = Task {
            try await pools.withPool("a") { pool in
                enteredSignal.yield()
                for await _ in proceed { break }
                // Still usable although b and c were opened while this call held it.
                return try await pool.read { try Int.fetchOne($0, sql: "SELECT 42") }
            }
        }
        for await _ in entered { break }
        _ = try await pools.withPool("b") { $0 }
        _ = try await pools.withPool("c") { $0 }
        #expect(pools.contains("a"), "a leased pool stays in the cache")
        proceedSignal.yield()
        #expect(try await inFlight.value == 42)
        _ = try await pools.withPool("d") { $0 }
        #expect(pools.count == 1)
    }

    @Test func retiringWaitsForTheLastLeaseThenCloses() async throws {
        let pools = cache(capacity: 4)
        let (entered, enteredSignal) = AsyncStream.makeStream(of: Void.self)
        let (proceed, proceedSignal) = AsyncStream.makeStream(of: Void.self)
        let inFlight = Task {
            try await pools.withPool("a") { pool in
                enteredSignal.yield()
                for await _ in proceed { break }
                return (try await pool.read { try Int.fetchOne($0, sql: "SELECT 7") }, pool)
            }
        }
        for await _ in entered { break }
        let retired = Task { await pools.retire("a") }
        // Retiring takes the pool out of the cache at once; closing waits for the lease.
        while pools.contains("a") { await Task.yield() }
        proceedSignal.yield()
        let (value, pool) = try await inFlight.value
        await retired.value
        #expect(value == 7)
        #expect(!answers(pool), "closed once the in-flight call ended")
    }

    @Test func aFailedOpenIsNotCachedSoTheNextUseTriesAgain() async throws {
        let attempts = Attempts()
        let folder = self.folder
        let pools = TenantPoolCache(capacity: 2) { tenantID in
            guard attempts.next() > 1 else { throw CancellationError() }
            return try DatabasePool(path: folder.appendingPathComponent("\(tenantID).sqlite").path)
        }
        await #expect(throws: CancellationError.self) { try await pools.withPool("a") { _ in } }
        #expect(!pools.contains("a"))
        try await pools.withPool("a") { _ in }
        #expect(pools.contains("a"))
    }
}

/// A thread-safe attempt counter for open closures.
private final class Attempts: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func next() -> Int {
        lock.withLock {
            count += 1
            return count
        }
    }
}
