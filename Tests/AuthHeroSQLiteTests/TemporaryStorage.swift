import AuthHeroCore
import AuthHeroSQLite
import Foundation

/// A migrated SQLite file (in the given layout) in a fresh temporary directory, with two tenants, `a` and `b`.
struct TemporaryStorage {
    let storage: SQLiteStorage
    let path: String
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    init(layout: StorageLayout = .shared) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "authhero-sqlite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("authhero.sqlite").path
        storage = try SQLiteStorage.open(strategy: StorageStrategy(layout: layout, databasePath: path))
        try storage.migrate()
        for id in ["a", "b"] {
            try await storage.createTenant(Tenant(id: id, friendlyName: "Tenant \(id)", createdAt: now))
        }
    }
}
