import Foundation
import Logging

/// Fans control-plane changes out to every customer tenant through the outbox. As the ``ControlPlaneChangeRecorder`` it enqueues each change and wakes the
/// processor; ``run()`` (a long-lived task the app runs next to its server) processes the outbox out of the request,
/// and ``processPending()`` does one pass on demand. ``synchronizeAll()`` is the full repair pass reconcile runs.
///
/// Every change is applied by reading the control plane *now*, so applying an entry twice, or out of order, lands
/// on the same copies: "saved" for a record that is gone or internal removes the copies. Changes reach every
/// customer tenant, `pending` ones included, so a tenant in phase two cannot miss a write that lands while it is
/// copying. A tenant that fails leaves the entry pending with one more attempt counted (retried later, up to
/// ``maxAttempts``); the other tenants still get the change in the same pass.
public final class ControlPlaneSync: ControlPlaneChangeRecorder {
    /// After this many failed attempts an entry is left for reconcile's full pass to repair.
    public let maxAttempts: Int
    /// How long ``run()`` waits before retrying failed entries when nothing new is recorded.
    public let retryInterval: Duration
    /// How long a pass holds the entries it claimed: another process sharing the database takes them only after that,
    /// if this one died or is still busy with them.
    public let claimDuration: Duration
    private let storage: any AuthHeroStorage
    private let multiTenancy: MultiTenancyPlugin
    private let clock: any AuthHeroClock
    /// Where writes that change what caches remember are announced (the provisioner's deletions too).
    let invalidation: (any AccessInvalidation)?
    private let batchSize: Int
    private let logger: Logger
    private let passes = SerialPasses()
    private let wakeUps: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation

    /// Creates the processor over `storage` with the platform's multi-tenancy rules and hooks; ``run()`` reports
    /// failing tenants and passes to `logger`. Every write of a tenant's resource servers is announced on
    /// `invalidation`, so what that tenant's machine clients were remembered to get is read again.
    public init(
        storage: any AuthHeroStorage, multiTenancy: MultiTenancyPlugin, clock: any AuthHeroClock = SystemClock(),
        invalidation: (any AccessInvalidation)? = nil, maxAttempts: Int = 10, retryInterval: Duration = .seconds(30),
        claimDuration: Duration = .seconds(120), batchSize: Int = 100, logger: Logger = Logger(label: "authhero.sync")
    ) {
        self.storage = storage
        self.multiTenancy = multiTenancy
        self.clock = clock
        self.invalidation = invalidation
        self.maxAttempts = maxAttempts
        self.retryInterval = retryInterval
        self.claimDuration = claimDuration
        self.batchSize = batchSize
        self.logger = logger
        (wakeUps, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Enqueues `change` and wakes ``run()``; the fan-out itself happens later, out of the request.
    public func record(_ change: ControlPlaneChange) async throws {
        _ = try await storage.enqueueOutbox(change, at: clock.now())
        wake.yield()
    }

    /// Processes the outbox until cancelled: after every recorded change, and every ``retryInterval`` while
    /// entries are failing. Run it once per process, e.g. as a service next to the HTTP server.
    public func run() async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [wake, retryInterval] in
                while (try? await Task.sleep(for: retryInterval)) != nil { wake.yield() }
            }
            group.addTask { [self] in
                // Entries recorded before start-up (or by another process) are picked up at once.
                await processLoggingFailures()
                for await _ in wakeUps { await processLoggingFailures() }
            }
            await group.next()
            group.cancelAll()
        }
    }

    /// Applies every pending entry (each at most once per pass) to every customer tenant and returns what happened.
    @discardableResult
    public func processPending() async throws -> OutboxPassSummary {
        try await passes.run { [self] in try await pass() }
    }

    /// Makes every customer tenant's copies equal the control plane's syncable set, removing stale copies: repairs
    /// changes lost between a write and its outbox entry and entries that ran out of attempts.
    @discardableResult
    public func synchronizeAll() async throws -> FullSyncSummary {
        try await passes.run { [self] in
            let syncable = try await SyncableSet.load(from: storage, multiTenancy: multiTenancy)
            var summary = FullSyncSummary()
            for tenant in try await customerTenants() {
                do {
                    summary.repairs += try await TenantHandle(tenant: tenant, storage: storage)
                        .replaceSyncedCopies(with: syncable)
                    summary.tenants += 1
                } catch {
                    summary.failures.append(SyncFailure(tenantID: tenant.id, message: String(describing: error)))
                }
                await invalidation?.invalidate(machineAccessOf: tenant.id)
            }
            return summary
        }
    }

    /// Runs the tenant-created hook for `tenant` (phase two of its creation), in turn with the outbox passes.
    public func copyControlPlane(to tenant: Tenant) async throws {
        try await passes.run { [self] in
            let syncable = try await SyncableSet.load(from: storage, multiTenancy: multiTenancy)
            try await multiTenancy.hooks.tenantCreated(
                TenantCreation(tenant: tenant, syncable: syncable), TenantHandle(tenant: tenant, storage: storage))
        }
    }

    /// One pass for ``run()``, which has no caller to throw to: failures go to the log, the entries stay pending.
    private func processLoggingFailures() async {
        do {
            let summary = try await processPending()
            if summary.failed > 0 {
                logger.warning(
                    "control-plane changes failed for some tenants; they will be retried",
                    metadata: ["failures": "\(summary.failures.map(\.description))"])
            }
        } catch {
            logger.error("outbox pass failed; it will be retried", metadata: ["error": "\(error)"])
        }
    }

    private func pass() async throws -> OutboxPassSummary {
        var summary = OutboxPassSummary()
        var cursor: Int64 = 0
        while true {
            let now = clock.now()
            let batch = try await storage.claimOutbox(
                afterID: cursor, limit: batchSize, maxAttempts: maxAttempts, now: now,
                claimUntil: now + claimDuration.timeInterval)
            guard let last = batch.last?.id else { return summary }
            cursor = last
            // Read after the claim, so the set includes every write whose entry is in the batch.
            let syncable = try await SyncableSet.load(from: storage, multiTenancy: multiTenancy)
            let tenants = try await customerTenants()
            // The same change recorded twice lands on the same state: apply it once, settle every entry.
            var entriesByChange: [(ControlPlaneChange, [OutboxEntry])] = []
            for entry in batch {
                if let index = entriesByChange.firstIndex(where: { $0.0 == entry.change }) {
                    entriesByChange[index].1.append(entry)
                } else {
                    entriesByChange.append((entry.change, [entry]))
                }
            }
            for (change, entries) in entriesByChange {
                let write = ControlPlaneWrite(
                    change: change, recordedAt: entries[0].createdAt, syncable: syncable)
                let failures = await apply(write, to: tenants)
                let ids = entries.compactMap(\.id)
                if failures.isEmpty {
                    try await storage.markOutboxDone(ids, at: clock.now())
                    summary.processed += ids.count
                } else {
                    let message = failures.map(\.description).joined(separator: "; ")
                    for id in ids { try await storage.markOutboxFailed(id, error: message) }
                    summary.failed += ids.count
                    summary.failures += failures
                }
            }
        }
    }

    /// Runs the hooks for `write` on each tenant; a failing tenant is reported and does not stop the others.
    private func apply(_ write: ControlPlaneWrite, to tenants: [Tenant]) async -> [SyncFailure] {
        let hooks = multiTenancy.hooks
        var failures: [SyncFailure] = []
        for tenant in tenants {
            let handle = TenantHandle(tenant: tenant, storage: storage)
            do {
                switch write.change {
                case .resourceServerSaved, .resourceServerDeleted:
                    if write.resourceServer != nil {
                        try await hooks.resourceServerSaved(write, handle)
                    } else {
                        try await hooks.resourceServerDeleted(write, handle)
                    }
                case .roleSaved, .roleDeleted:
                    if write.role != nil {
                        try await hooks.roleSaved(write, handle)
                        try await hooks.rolePermissionsChanged(write, handle)
                    } else {
                        try await hooks.roleDeleted(write, handle)
                    }
                }
            } catch {
                failures.append(SyncFailure(tenantID: tenant.id, message: String(describing: error)))
            }
            if case .resourceServerSaved = write.change {
                await invalidation?.invalidate(machineAccessOf: tenant.id)
            } else if case .resourceServerDeleted = write.change {
                await invalidation?.invalidate(machineAccessOf: tenant.id)
            }
        }
        return failures
    }

    /// Every tenant but the control plane, whatever its provisioning state.
    private func customerTenants() async throws -> [Tenant] {
        try await storage.tenants().filter { $0.id != ControlPlane.tenantID }
    }
}
