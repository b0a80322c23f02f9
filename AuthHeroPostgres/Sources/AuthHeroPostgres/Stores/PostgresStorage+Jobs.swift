import AuthHeroCore
import PostgresNIO

extension PostgresStorage: JobStore {
    public func createJob(_ job: Job, tenantID: String) async throws {
        try await insert(job, into: "jobs", tenantID: tenantID)
    }

    public func job(_ jobID: String, tenantID: String) async throws -> Job? {
        try await find(Job.self, in: "jobs", where: "id", is: jobID, tenantID: tenantID)
    }

    public func updateJob(_ job: Job, tenantID: String) async throws {
        try await replace(job, in: "jobs", key: ["tenant_id", "id"], tenantID: tenantID, what: "job \(job.id)")
    }

    public func unfinishedJobs(tenantID: String) async throws -> [Job] {
        try await withTenant(tenantID) {
            try await $0.records(
                Job.self,
                """
                SELECT to_jsonb(j)::text FROM jobs j
                WHERE tenant_id = \(tenantID) AND status IN ('pending', 'processing') ORDER BY created_at, id
                """)
        }
    }
}
