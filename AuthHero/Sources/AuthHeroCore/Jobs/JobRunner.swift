import Foundation
import Logging

/// Runs import and export jobs off the request that created them, one at a time per process (an import writes many
/// users; a queue of them side by side would only contend for the same database), and picks up after a restart:
/// ``resumeUnfinished()`` runs pending jobs again and fails those a stopped server left half done.
public actor JobRunner {
    /// What a job that was processing when the server stopped says, so the caller knows to look before re-running.
    public static let interruptedReason =
        "The server stopped while the job was processing; some users may have been written. Check the users, then create the job again (with upsert for an import)."

    private let storage: any JobStore & UserStore & TenantStore
    private let clock: any AuthHeroClock
    private let logger: Logger
    /// The job running now, so the next one starts after it.
    private var tail: Task<Void, Never>?

    /// Creates the runner over the jobs and users it reads and writes.
    public init(
        storage: any JobStore & UserStore & TenantStore, clock: any AuthHeroClock,
        logger: Logger = Logger(label: "authhero.jobs")
    ) {
        self.storage = storage
        self.clock = clock
        self.logger = logger
    }

    /// Queues `job` (already stored as pending) and returns at once; the returned task ends when it has run.
    @discardableResult
    public func submit(_ job: Job) -> Task<Void, Never> {
        let previous = tail
        let task = Task { [storage, clock, logger] in
            await previous?.value
            await Self.process(job, storage: storage, clock: clock, logger: logger)
        }
        tail = task
        return task
    }

    /// Resumes every tenant's unfinished jobs after a start: pending ones are queued again; ones that were
    /// processing are marked failed with ``interruptedReason``, since an import cut short cannot tell which of its
    /// users were written. Returns the jobs queued.
    @discardableResult
    public func resumeUnfinished() async throws -> [Job] {
        var queued: [Job] = []
        for tenant in try await storage.tenants() {
            for var job in try await storage.unfinishedJobs(tenantID: tenant.id) {
                if job.status == .processing {
                    job.status = .failed
                    job.failureReason = Self.interruptedReason
                    job.input = nil
                    job.updatedAt = clock.now()
                    try await storage.updateJob(job, tenantID: tenant.id)
                } else {
                    submit(job)
                    queued.append(job)
                }
            }
        }
        return queued
    }

    /// Waits until every queued job has run (for tests and orderly shutdown).
    public func idle() async { await tail?.value }

    private static func process(
        _ job: Job, storage: any JobStore & UserStore, clock: any AuthHeroClock, logger: Logger
    ) async {
        var job = job
        do {
            job.status = .processing
            job.updatedAt = clock.now()
            try await storage.updateJob(job, tenantID: job.tenantID)
            switch job.type {
            case .usersImport:
                job = try await UserImport(storage: storage, clock: clock).run(job, tenantID: job.tenantID)
            case .usersExport: job = try await UserExport(storage: storage).run(job, tenantID: job.tenantID)
            }
        } catch {
            logger.error("job \(job.id) of tenant \(job.tenantID) failed: \(error)")
            job.status = .failed
            job.failureReason = "The job could not be completed: \(error)"
            job.input = nil
        }
        job.updatedAt = clock.now()
        do {
            try await storage.updateJob(job, tenantID: job.tenantID)
        } catch {
            logger.error("job \(job.id) of tenant \(job.tenantID) could not be saved: \(error)")
        }
    }
}
