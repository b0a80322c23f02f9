import AuthHeroCore
import AuthHeroSQLite
import AuthHeroTesting
import Foundation
import Testing

/// What a restarted server does with the jobs the previous process left: pending ones run, and ones that were
/// processing are failed with a reason rather than run twice or left pending forever.
@Suite struct JobRestartTests {
    @Test func pendingJobsResumeAndProcessingOnesFailWithAReason() async throws {
        let fixture = try await TemporaryStorage()
        let storage = fixture.storage
        try await storage.createConnection(
            Connection(tenantID: "a", id: "con_db", name: "Username-Password-Authentication"), tenantID: "a")
        let pending = Job(
            tenantID: "a", id: "job_pending", type: .usersImport, connectionID: "con_db",
            connection: "Username-Password-Authentication", input: #"[{"email":"resumed@example.com"}]"#,
            createdAt: fixture.now)
        var interrupted = Job(
            tenantID: "b", id: "job_cut", type: .usersImport, status: .processing, connectionID: "con_db",
            connection: "Username-Password-Authentication", input: #"[{"email":"half@example.com"}]"#,
            createdAt: fixture.now)
        try await storage.createJob(pending, tenantID: "a")
        try await storage.createJob(interrupted, tenantID: "b")

        let runner = JobRunner(storage: storage, clock: ManualClock(fixture.now))
        let queued = try await runner.resumeUnfinished()
        #expect(queued.map(\.id) == ["job_pending"])
        await runner.idle()

        let resumed = try #require(try await storage.job("job_pending", tenantID: "a"))
        #expect(resumed.status == .completed)
        #expect(resumed.summary == JobSummary(inserted: 1, total: 1))
        #expect(resumed.input == nil)
        #expect(
            try await storage.user(
                email: "resumed@example.com", connection: "Username-Password-Authentication", tenantID: "a")
                != nil)

        interrupted.status = .failed
        interrupted.failureReason = JobRunner.interruptedReason
        interrupted.input = nil
        #expect(try await storage.job("job_cut", tenantID: "b") == interrupted)
        #expect(try await storage.unfinishedJobs(tenantID: "a").isEmpty)
        #expect(try await storage.unfinishedJobs(tenantID: "b").isEmpty)
    }
}
