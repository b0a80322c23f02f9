import AuthHeroCore
import Foundation
import GRDB

/// Opening, listing and removing customer tenants' own SQLite files.
enum TenantFile {
    /// The registry has no such tenant, so no file is opened or created for it.
    struct UnknownTenant: Error {}

    /// Whether `tenantID` can name a file: letters, digits, `-` and `_` only, so no id reaches outside the folder.
    static func isSafeName(_ tenantID: String) -> Bool {
        !tenantID.isEmpty && tenantID.count <= 128
            && tenantID.unicodeScalars.allSatisfy {
                $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_")
            }
    }

    /// Opens (creating when missing) the file of a tenant the registry knows, applies pending migrations, and
    /// makes sure it holds a copy of the tenant's row (`pending` until provisioning marks it `ready`).
    static func open(
        _ tenantID: String, registry: any DatabaseWriter, strategy: StorageStrategy, configuration: Configuration
    ) async throws -> DatabasePool {
        guard isSafeName(tenantID), let tenant = try await registry.read({ try Tenant.fetchOne($0, key: tenantID) })
        else { throw UnknownTenant() }
        try FileManager.default.createDirectory(at: strategy.tenantsFolder, withIntermediateDirectories: true)
        let pool = try DatabasePool(path: strategy.tenantFile(tenantID).path, configuration: configuration)
        try SchemaMigrations.migrator.migrate(pool)
        try await pool.write { db in
            var copy = tenant
            copy.provisioningState = .pending
            try copy.insert(db, onConflict: .ignore)
        }
        return pool
    }

    /// The tenant ids of the `.sqlite` files in `folder` (none when it does not exist).
    static func tenantIDs(in folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".sqlite") }.map { String($0.dropLast(".sqlite".count)) }
    }

    /// Removes a database file with its `-wal` and `-shm` companions.
    static func remove(_ file: URL) throws {
        for suffix in ["", "-wal", "-shm"] {
            let path = file.path + suffix
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        }
    }
}
