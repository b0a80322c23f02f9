import AuthHeroCore
import Foundation
import Testing

@Suite struct JobContractTests {
    func job(_ id: String, tenantID: String = "a", status: Job.Status = .pending, minutes: Double = 0) -> Job {
        Job(
            tenantID: tenantID, id: id, type: .usersExport, status: status, connectionID: "con_db", connection: "db",
            externalID: "ext",
            options: JobOptions(format: .csv, fields: [UserExportField(name: "email", exportAs: "mail")], limit: 5),
            createdAt: StorageKind.now.addingTimeInterval(minutes * 60))
    }

    @Test(arguments: StorageKind.allCases) func jobRoundTripsWithEveryField(_ kind: StorageKind) async throws {
        try await kind.withStorage { storage in
            var stored = job("job_1")
            stored.input = #"[{"email":"a@example.com"}]"#
            try await storage.createJob(stored, tenantID: "a")
            #expect(try await storage.job("job_1", tenantID: "a") == stored)

            stored.status = .completed
            stored.summary = JobSummary(inserted: 1, updated: 2, failed: 1, total: 4)
            stored.errors = [
                JobUserError(
                    user: #"{"email":"x"}"#, errors: [.init(code: "INVALID_FORMAT", message: "m", path: "email")])
            ]
            stored.output = Data([0x1f, 0x8b, 0x00, 0xff])
            stored.input = nil
            stored.failureReason = "reason"
            stored.updatedAt = StorageKind.now.addingTimeInterval(60)
            try await storage.updateJob(stored, tenantID: "a")
            #expect(try await storage.job("job_1", tenantID: "a") == stored)
        }
    }

    @Test(arguments: StorageKind.allCases) func anotherTenantsJobIsInvisible(_ kind: StorageKind) async throws {
        try await kind.withStorage { storage in
            try await storage.createJob(job("job_1"), tenantID: "a")
            #expect(try await storage.job("job_1", tenantID: "b") == nil)
            #expect(try await storage.unfinishedJobs(tenantID: "b").isEmpty)
            await #expect(throws: StorageError.self) { try await storage.createJob(job("job_2"), tenantID: "b") }
            await #expect(throws: StorageError.self) { try await storage.updateJob(job("job_1"), tenantID: "b") }
        }
    }

    @Test(arguments: StorageKind.allCases) func unfinishedJobsArePendingAndProcessingOldestFirst(_ kind: StorageKind)
        async throws
    {
        try await kind.withStorage { storage in
            for (id, status, minutes) in [
                ("job_c", Job.Status.processing, 2.0), ("job_a", .pending, 1), ("job_d", .completed, 0),
                ("job_e", .failed, 0), ("job_b", .pending, 3),
            ] {
                try await storage.createJob(job(id, status: status, minutes: minutes), tenantID: "a")
            }
            #expect(try await storage.unfinishedJobs(tenantID: "a").map(\.id) == ["job_a", "job_c", "job_b"])
        }
    }

    @Test(arguments: StorageKind.allCases) func duplicateIdConflictsAndMissingJobIsNotFound(_ kind: StorageKind)
        async throws
    {
        try await kind.withStorage { storage in
            try await storage.createJob(job("job_1"), tenantID: "a")
            await #expect(throws: StorageError.self) { try await storage.createJob(job("job_1"), tenantID: "a") }
            await #expect(throws: StorageError.self) { try await storage.updateJob(job("job_9"), tenantID: "a") }
        }
    }
}
