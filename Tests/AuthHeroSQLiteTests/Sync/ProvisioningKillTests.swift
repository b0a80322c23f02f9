import AuthHeroCore
import AuthHeroSQLite
import Foundation
import Testing

/// A real process killed (SIGKILL) between the phases of tenant creation, then healed by reconcile.
@Suite struct ProvisioningKillTests {
    private static let api = "https://api.example.com"

    /// The helper built next to the test bundle (`swift build --build-tests` builds it).
    private static let helper: URL? = {
        let candidates = [
            Bundle.main.executableURL?.deletingLastPathComponent(),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/debug"),
        ]
        return candidates.compactMap { $0?.appendingPathComponent("ProvisioningKillHelper") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    @Test(.timeLimit(.minutes(10))) func tenantKilledBetweenPhasesIsHealedByReconcile() async throws {
        let seeded = try await SyncFixture()
        let source = try await seeded.createAPI(Self.api)
        try await seeded.createRole("editor", permissions: [(Self.api, "read:data")])
        try await seeded.sync.processPending()

        let helper = try #require(Self.helper, "build the helper first: swift build --build-tests")
        let process = Process()
        process.executableURL = helper
        process.arguments = [seeded.path, "coffee-shop", SyncFixture.owner]
        // Awaited through the termination handler: blocking a cooperative thread would stall other tests.
        let (exits, reportExit) = AsyncStream.makeStream(of: Void.self)
        process.terminationHandler = { _ in reportExit.finish() }
        try process.run()
        for await _ in exits {}
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGKILL)

        // A fresh process's view of the file: phase one landed, phase two did not finish.
        let fixture = try await SyncFixture(path: seeded.path)
        let interrupted = try #require(try await fixture.storage.tenant("coffee-shop"))
        #expect(interrupted.provisioningState == .pending)
        #expect(try await fixture.syncedAPIs("coffee-shop").isEmpty)

        let summary = try await fixture.provisioner.reconcile()
        #expect(summary.provisioned == ["coffee-shop"])
        let healed = try #require(try await fixture.storage.tenant("coffee-shop"))
        #expect(healed.provisioningState == .ready)
        #expect(try await fixture.storage.keys(tenantID: "coffee-shop").count == 1)
        #expect(
            try await fixture.storage.resourceServer(
                identifier: BuiltInManagementAPI.identifier, tenantID: "coffee-shop")?.isSystem == true)
        #expect(
            try await fixture.storage.syncedCopies(tenantID: "coffee-shop").resourceServers.map(\.syncedFrom) == [
                source.id
            ])
        #expect(try await fixture.syncedRoles("coffee-shop")["editor"] == ["\(Self.api) read:data"])
        let organizationID = try #require(healed.organizationID)
        let organization = try await fixture.storage.organization(organizationID, tenantID: SyncFixture.cp)
        #expect(organization?.metadata["tenant_id"] == "coffee-shop")
    }
}
