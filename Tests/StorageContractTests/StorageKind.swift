import AuthHeroCore
import AuthHeroPostgres
import AuthHeroSQLite
import Foundation
import Testing

/// A storage module and layout the contract runs on; each test runs once per kind, on a fresh store holding the
/// control plane and two customer tenants, `a` and `b`.
enum StorageKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqliteShared = "SQLite shared"
    case sqliteDatabasePerTenant = "SQLite database-per-tenant"
    case postgresShared = "PostgreSQL shared"
    case postgresSchemaPerTenant = "PostgreSQL schema-per-tenant"

    var testDescription: String { rawValue }

    /// The fixed clock of every fixture.
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// Runs `body` on a fresh, migrated store of this kind with tenants `a` and `b`. PostgreSQL kinds need the
    /// server that `Scripts/with-postgres.sh` starts; without it they are skipped (or fail, when
    /// `AUTHHERO_REQUIRE_POSTGRES=1`).
    func withStorage(_ body: (any ContractStorage) async throws -> Void) async throws {
        switch self {
        case .sqliteShared: try await withSQLite(.shared, body)
        case .sqliteDatabasePerTenant: try await withSQLite(.databasePerTenant, body)
        case .postgresShared: try await withPostgres(.shared, body)
        case .postgresSchemaPerTenant: try await withPostgres(.schemaPerTenant, body)
        }
    }

    private func withSQLite(_ layout: StorageLayout, _ body: (any ContractStorage) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "authhero-contract-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let storage = try SQLiteStorage.open(
            strategy: StorageStrategy(layout: layout, databasePath: directory.appendingPathComponent("a.sqlite").path))
        try storage.migrate()
        try await Self.addTenants(to: storage)
        try await body(storage)
        await storage.closeTenantFiles()
    }

    private func withPostgres(_ layout: PostgresLayout, _ body: (any ContractStorage) async throws -> Void)
        async throws
    {
        try await PostgresFixture.withStorage(layout) { storage in
            try await Self.addTenants(to: storage)
            try await body(storage)
        }
    }

    private static func addTenants(to storage: any ContractStorage) async throws {
        for id in [ControlPlane.tenantID, "a", "b"] {
            try await storage.createTenant(Tenant(id: id, friendlyName: "Tenant \(id)", createdAt: now))
        }
    }
}
