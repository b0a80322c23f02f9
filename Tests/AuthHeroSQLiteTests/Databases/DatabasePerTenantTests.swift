import AuthHeroCore
import Foundation
import GRDB
import Testing

@testable import AuthHeroSQLite

/// The database-per-tenant layout through the storage protocol: each customer tenant's rows in its own file, the
/// registry and the control plane in the control plane's file, and no file for a tenant the registry does not know.
@Suite struct DatabasePerTenantTests {
    private func user(_ id: String, tenantID: String) -> User {
        User(
            tenantID: tenantID, id: id, connection: "Username-Password-Authentication", email: "\(id)@example.com",
            passwordHash: nil, createdAt: Date())
    }

    private func tenantFile(_ database: TemporaryStorage, _ tenantID: String) -> URL {
        StorageStrategy(layout: .databasePerTenant, databasePath: database.path).tenantFile(tenantID)
    }

    /// How many rows `table` holds in the SQLite file at `path`, opened directly.
    private func count(_ table: String, in path: String) async throws -> Int {
        try await DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
    }

    @Test func aTenantsRowsLiveInItsOwnFileAndTheRegistryKeepsOnlyTheTenantRow() async throws {
        let database = try await TemporaryStorage(layout: .databasePerTenant)
        try await database.storage.createUser(user("u1", tenantID: "a"), tenantID: "a")

        #expect(try await database.storage.user("u1", tenantID: "a")?.email == "u1@example.com")
        #expect(try await database.storage.user("u1", tenantID: "b") == nil)
        let file = tenantFile(database, "a").path
        #expect(try await count("users", in: file) == 1)
        #expect(try await count("users", in: database.path) == 0)
        #expect(try await count("tenants", in: database.path) == 2)
        let ids = try await DatabaseQueue(path: file).read { try String.fetchAll($0, sql: "SELECT id FROM tenants") }
        #expect(ids == ["a"])
    }

    @Test func anUnknownTenantReadsNothingCannotWriteAndGetsNoFile() async throws {
        let database = try await TemporaryStorage(layout: .databasePerTenant)
        #expect(try await database.storage.user("u1", tenantID: "ghost") == nil)
        await #expect(throws: StorageError.notFound("tenant ghost")) {
            try await database.storage.createUser(user("u1", tenantID: "ghost"), tenantID: "ghost")
        }
        await #expect(throws: StorageError.notFound("tenant ../a")) {
            try await database.storage.createUser(user("u1", tenantID: "../a"), tenantID: "../a")
        }
        let folder = StorageStrategy(layout: .databasePerTenant, databasePath: database.path).tenantsFolder
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        #expect(!files.contains { $0.hasPrefix("ghost") })
    }

    @Test func deletingATenantRemovesItsFileAndItsCompanions() async throws {
        let database = try await TemporaryStorage(layout: .databasePerTenant)
        try await database.storage.createUser(user("u1", tenantID: "a"), tenantID: "a")
        let file = tenantFile(database, "a")
        #expect(FileManager.default.fileExists(atPath: file.path))

        try await database.storage.deleteTenant("a")

        for suffix in ["", "-wal", "-shm"] { #expect(!FileManager.default.fileExists(atPath: file.path + suffix)) }
        #expect(try await database.storage.tenant("a") == nil)
        #expect(try await database.storage.user("u1", tenantID: "a") == nil)
        #expect(!FileManager.default.fileExists(atPath: file.path), "a read after deletion does not recreate it")
    }

    @Test func repairRemovesTheFileOfATenantThatNoLongerExists() async throws {
        let database = try await TemporaryStorage(layout: .databasePerTenant)
        try await database.storage.createUser(user("u1", tenantID: "a"), tenantID: "a")
        await database.storage.closeTenantFiles()
        // A crash between the registry commit and the file's removal.
        try await database.storage.registry.write { try $0.execute(sql: "DELETE FROM tenants WHERE id = 'a'") }

        _ = try await database.storage.repairTenantDatabases()

        #expect(!FileManager.default.fileExists(atPath: tenantFile(database, "a").path))
    }

    @Test func aTenantFileBehindOnMigrationsIsMigratedWhenOpened() async throws {
        let database = try await TemporaryStorage(layout: .databasePerTenant)
        let file = tenantFile(database, "c")
        // A file written by an older release: only the first migration.
        try SchemaMigrations.migrator.migrate(DatabaseQueue(path: file.path), upTo: "v1_data_model")

        try await database.storage.createTenant(Tenant(id: "c", friendlyName: "C", createdAt: database.now))
        try await database.storage.createUser(
            User(
                tenantID: "c", id: "u1", connection: "Username-Password-Authentication", email: nil, name: "Ada",
                passwordHash: nil, createdAt: Date()),
            tenantID: "c")

        #expect(try await database.storage.user("u1", tenantID: "c")?.name == "Ada")
        let applied = try await DatabaseQueue(path: file.path).read {
            try SchemaMigrations.migrator.appliedMigrations($0)
        }
        #expect(applied == SchemaMigrations.migrator.migrations)
    }

    @Test func aControlPlaneTransactionRefusesRowsOfATenantWithItsOwnFile() async throws {
        let database = try await TemporaryStorage(layout: .databasePerTenant)
        let event = AuditEvent(tenantID: "a", occurredAt: Date(), actor: "x", action: "y", target: "z")
        await #expect(throws: StorageError.tenantMismatch(expected: ControlPlane.tenantID, found: "a")) {
            try await database.storage.transaction { try $0.append(event, tenantID: "a") }
        }
        #expect(try await database.storage.events(tenantID: "a", limit: 10).isEmpty)
    }
}
