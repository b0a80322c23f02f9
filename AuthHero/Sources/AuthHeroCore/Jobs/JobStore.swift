/// Import and export jobs, one tenant at a time.
public protocol JobStore: Sendable {
    /// Inserts a job; throws `StorageError.conflict` on a duplicate id.
    func createJob(_ job: Job, tenantID: String) async throws
    /// The job with this id, if any.
    func job(_ jobID: String, tenantID: String) async throws -> Job?
    /// Replaces a job's state; throws `StorageError.notFound` when there is no such job.
    func updateJob(_ job: Job, tenantID: String) async throws
    /// The tenant's pending and processing jobs, oldest first: what a restarted server resumes or fails.
    func unfinishedJobs(tenantID: String) async throws -> [Job]
}
