import AuthHeroCore
import GRDB

extension SQLiteStorage {
    public func createJob(_ job: Job, tenantID: String) async throws {
        try await write(tenantID) { try owned(job, by: tenantID).insert($0) }
    }

    public func job(_ jobID: String, tenantID: String) async throws -> Job? {
        try await read(tenantID) { try Job.fetchOne($0, key: ["tenant_id": tenantID, "id": jobID]) }
    }

    public func updateJob(_ job: Job, tenantID: String) async throws {
        try await write(tenantID) { try owned(job, by: tenantID).update($0) }
    }

    public func unfinishedJobs(tenantID: String) async throws -> [Job] {
        try await read(tenantID) { db in
            try Job.filter(
                Column("tenant_id") == tenantID
                    && [Job.Status.pending.rawValue, Job.Status.processing.rawValue].contains(Column("status"))
            )
            .order(Column("created_at"), Column("id"))
            .fetchAll(db)
        }
    }
}
