import AuthHeroCore
import AuthHeroTesting
import Foundation
import GRDB
import Testing

@testable import AuthHeroSQLite

/// Export and import move a tenant between layouts without losing or changing a row, refuse what they cannot
/// honour, and write the file for its owner only.
@Suite struct TenantArchiveTests {
    /// The entry's tables with audit ids removed (they are reassigned on import), for comparison.
    private func comparable(_ entry: TenantArchive.Entry) -> [String: [ArchiveRow]] {
        var tables = entry.tables
        tables["audit_log"] = tables["audit_log"]?.map { $0.filter { $0.key != "id" } }
        return tables
    }

    @Test(arguments: [
        (StorageLayout.shared, StorageLayout.databasePerTenant), (.databasePerTenant, .shared),
        (.databasePerTenant, .databasePerTenant),
    ])
    func aTenantMovesBetweenLayoutsWithEveryRowIntact(from source: StorageLayout, to target: StorageLayout)
        async throws
    {
        let origin = try await TemporaryStorage(layout: source)
        try await ArchiveFixture.populate(origin.storage, now: origin.now)
        let archive = try await origin.storage.exportTenant("a")
        let entry = try #require(archive.tenants.first)
        for table in try await origin.storage.registry.read({ try ArchiveTables.tenantTables($0) }) {
            #expect(entry.tables[table]?.isEmpty == false, "\(table) is archived with rows")
        }
        #expect(!String(decoding: try archive.encoded(), as: UTF8.self).contains("auth0|bob"))

        let destination = try await TemporaryStorage(layout: target)
        try await destination.storage.deleteTenant("a")
        #expect(try await destination.storage.importArchive(TenantArchive.decode(archive.encoded())) == ["a"])

        let moved = try #require(try await destination.storage.exportTenant("a").tenants.first)
        #expect(moved.tenant == entry.tenant)
        #expect(comparable(moved) == comparable(entry))
        #expect(try await destination.storage.keys(tenantID: "a") == origin.storage.keys(tenantID: "a"))
        #expect(try await destination.storage.user("auth0|bob", tenantID: "b") == nil)
        #expect(try await destination.storage.verifiedCustomDomain(host: "login.acme.test") == nil)
        #expect(try await destination.storage.customDomains(tenantID: "a").map(\.domain) == ["login.acme.test"])
    }

    @Test func everyTenantMovesTogether() async throws {
        let origin = try await TemporaryStorage()
        try await ArchiveFixture.populate(origin.storage, now: origin.now)
        let archive = try await origin.storage.exportAllTenants()
        #expect(archive.tenants.compactMap(\.tenantID) == ["a", "b"])

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("authhero-all-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let destination = try SQLiteStorage.open(
            strategy: StorageStrategy(
                layout: .databasePerTenant, databasePath: directory.appendingPathComponent("cp.sqlite").path))
        try destination.migrate()
        try await destination.importArchive(archive)

        #expect(try await destination.exportAllTenants().tenants.map(comparable) == archive.tenants.map(comparable))
        #expect(try await destination.user("auth0|bob", tenantID: "b")?.name == "Name auth0|bob")
    }

    @Test func anExistingTenantIsReplacedOnlyWhenAsked() async throws {
        let origin = try await TemporaryStorage(layout: .databasePerTenant)
        try await ArchiveFixture.populate(origin.storage, now: origin.now)
        let archive = try await origin.storage.exportTenant("a")

        await #expect(throws: TenantArchiveError.tenantExists("a")) {
            try await origin.storage.importArchive(archive)
        }
        _ = try await origin.storage.deleteUser("auth0|ada", tenantID: "a")
        try await origin.storage.importArchive(archive, replacing: true)
        #expect(try await origin.storage.user("auth0|ada", tenantID: "a") != nil)
    }

    @Test(arguments: StorageLayout.allCases)
    func aRowOfAnotherTenantFailsTheWholeImport(layout: StorageLayout) async throws {
        let origin = try await TemporaryStorage()
        try await ArchiveFixture.populate(origin.storage, now: origin.now)
        var archive = try await origin.storage.exportTenant("a")
        archive.tenants[0].tables["users"]?[0]["tenant_id"] = .text("b")

        let destination = try await TemporaryStorage(layout: layout)
        try await destination.storage.deleteTenant("a")
        await #expect(throws: TenantArchiveError.foreignRow(table: "users", tenantID: "a")) {
            try await destination.storage.importArchive(archive)
        }
        #expect(try await destination.storage.tenant("a") == nil)
        #expect(
            try await destination.storage.users(matching: nil, window: .init(offset: 0, limit: 9), tenantID: "b").total
                == 0)
    }

    @Test(arguments: StorageLayout.allCases)
    func aRowTheSchemaRejectsLeavesNothingBehind(layout: StorageLayout) async throws {
        let origin = try await TemporaryStorage()
        try await ArchiveFixture.populate(origin.storage, now: origin.now)
        var archive = try await origin.storage.exportTenant("a")
        archive.tenants[0].tables["users"]?[0]["favourite_colour"] = .text("green")

        let destination = try await TemporaryStorage(layout: layout)
        try await destination.storage.deleteTenant("a")
        await #expect(throws: TenantArchiveError.self) { try await destination.storage.importArchive(archive) }
        #expect(try await destination.storage.tenant("a") == nil)
        #expect(try await destination.storage.keys(tenantID: "a").isEmpty)
        let folder = StorageStrategy(layout: layout, databasePath: destination.path).tenantsFolder
        #expect(
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).allSatisfy {
                !$0.hasPrefix("a.")
            })
    }

    @Test func anArchiveFromANewerSchemaOrFormatIsRefused() async throws {
        let database = try await TemporaryStorage()
        var archive = try await database.storage.exportTenant("a")
        archive.schemaVersion = "v99_future"
        await #expect(throws: TenantArchiveError.newerSchema("v99_future")) {
            try await database.storage.importArchive(archive, replacing: true)
        }
        archive.version = 2
        #expect(throws: TenantArchiveError.unsupportedVersion(2)) { try TenantArchive.decode(archive.encoded()) }
        #expect(throws: TenantArchiveError.self) { try TenantArchive.decode(Data("{\"format\":\"zip\"}".utf8)) }
        await #expect(throws: TenantArchiveError.unknownTenant("ghost")) {
            try await database.storage.exportTenant("ghost")
        }
    }

    @Test func theArchiveFileIsReadableByItsOwnerOnly() async throws {
        let database = try await TemporaryStorage()
        try await ArchiveFixture.populate(database.storage, now: database.now)
        let file = URL(fileURLWithPath: database.path + ".archive.json")
        try Data("old".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)

        let archive = try await database.storage.exportTenant("a")
        try archive.write(to: file)

        let permissions = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        #expect(try TenantArchive.read(from: file) == archive)
    }
}
