import AuthHeroCore
import AuthHeroPostgres
import Foundation
import Testing

/// Two server processes on one PostgreSQL database each run an outbox processor: every entry is applied by exactly
/// one of them. The two stores here use two connection pools (as two processes do), both on one registry.
@Suite struct OutboxProcessorsTests {
    @Test(arguments: [PostgresLayout.shared, .schemaPerTenant])
    func twoProcessorsSharingADatabaseApplyEachEntryOnce(_ layout: PostgresLayout) async throws {
        try await PostgresFixture.withStorages(layout) { first, second in
            for id in [ControlPlane.tenantID, "a", "b"] {
                try await first.createTenant(Tenant(id: id, friendlyName: "Tenant \(id)", createdAt: StorageKind.now))
            }
            let count = 120
            for index in 0..<count {
                _ = try await first.enqueueOutbox(.roleSaved(id: "rol_\(index)"), at: StorageKind.now)
            }
            let processors = [first, second].map {
                ControlPlaneSync(storage: $0, multiTenancy: MultiTenancyPlugin(), batchSize: 7)
            }
            let summaries = try await withThrowingTaskGroup(of: OutboxPassSummary.self) { group in
                for processor in processors { group.addTask { try await processor.processPending() } }
                return try await group.reduce(into: []) { $0.append($1) }
            }

            #expect(summaries.map(\.failed) == [0, 0])
            #expect(summaries.map(\.processed).reduce(0, +) == count, "no entry was applied by both processors")
            let entries = try await first.outboxEntries()
            #expect(entries.count == count && entries.allSatisfy { $0.processedAt != nil && $0.claimedUntil == nil })
        }
    }

    /// Several processes starting at once each run reconcile's full pass: copies in one tenant are written by one
    /// pass at a time, so none fails on the other's rows and both end with the control plane's set, once.
    @Test(arguments: [PostgresLayout.shared, .schemaPerTenant])
    func fullPassesStartedTogetherAllSucceedAndLeaveOneCopyEach(_ layout: PostgresLayout) async throws {
        try await PostgresFixture.withStorages(layout) { first, second in
            let tenants = ["a", "b", "c", "d"]
            for id in [ControlPlane.tenantID] + tenants {
                try await first.createTenant(Tenant(id: id, friendlyName: "Tenant \(id)", createdAt: StorageKind.now))
            }
            for index in 0..<5 {
                try await first.createResourceServer(
                    ResourceServer(
                        tenantID: ControlPlane.tenantID, id: "rs_\(index)", identifier: "https://api\(index)",
                        name: "API \(index)", scopes: [ResourceServerScope(value: "read:data")]),
                    tenantID: ControlPlane.tenantID)
                try await first.createRole(
                    Role(tenantID: ControlPlane.tenantID, id: "rol_\(index)", name: "role \(index)"),
                    tenantID: ControlPlane.tenantID)
            }
            let processors = [first, second, first, second].map {
                ControlPlaneSync(storage: $0, multiTenancy: MultiTenancyPlugin())
            }
            let summaries = try await withThrowingTaskGroup(of: FullSyncSummary.self) { group in
                for processor in processors { group.addTask { try await processor.synchronizeAll() } }
                return try await group.reduce(into: []) { $0.append($1) }
            }

            #expect(summaries.flatMap(\.failures) == [])
            #expect(summaries.map(\.tenants) == [4, 4, 4, 4])
            #expect(summaries.map(\.repairs).reduce(0, +) == tenants.count * 10, "each copy was written once")
            for tenant in tenants {
                let copies = try await first.syncedCopies(tenantID: tenant)
                #expect(copies.resourceServers.map(\.syncedFrom) == (0..<5).map { "rs_\($0)" })
                #expect(copies.roles.compactMap(\.role.syncedFrom).sorted() == (0..<5).map { "rol_\($0)" })
            }
        }
    }
}
