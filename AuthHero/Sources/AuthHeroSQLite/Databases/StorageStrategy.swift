import Foundation

/// How ``SQLiteStorage`` lays out its files: the layout, the control plane's file, and (database per tenant) how
/// many tenant files may stay open at once.
public struct StorageStrategy: Sendable, Equatable {
    /// The default bound on open tenant files.
    public static let defaultOpenFiles = 64

    /// Shared or database per tenant.
    public var layout: StorageLayout
    /// The control plane's SQLite file (the only file with the shared layout).
    public var databasePath: String
    /// The most tenant files kept open; the least recently used idle one is closed beyond it.
    public var openFiles: Int

    /// A strategy over the control-plane file at `databasePath`.
    public init(layout: StorageLayout, databasePath: String, openFiles: Int = StorageStrategy.defaultOpenFiles) {
        self.layout = layout
        self.databasePath = databasePath
        self.openFiles = max(1, openFiles)
    }

    /// Reads `STORAGE` (`shared`, the default, or `database-per-tenant`) and `STORAGE_OPEN_FILES` (default 64) from
    /// `environment`; throws ``StorageSettingError`` for a value it cannot use.
    public init(environment: [String: String], databasePath: String) throws(StorageSettingError) {
        let layout = try environment["STORAGE"].map { name throws(StorageSettingError) in
            try StorageLayout(name: name)
        }
        var openFiles = Self.defaultOpenFiles
        if let value = environment["STORAGE_OPEN_FILES"] {
            guard let number = Int(value), number >= 1 else { throw StorageSettingError.invalidOpenFiles(value) }
            openFiles = number
        }
        self.init(layout: layout ?? .shared, databasePath: databasePath, openFiles: openFiles)
    }

    /// The folder of customer tenants' files: `tenants/` next to the control plane's file.
    public var tenantsFolder: URL {
        URL(fileURLWithPath: databasePath).deletingLastPathComponent().appendingPathComponent("tenants")
    }

    /// The file of customer tenant `tenantID` with the database-per-tenant layout.
    public func tenantFile(_ tenantID: String) -> URL {
        tenantsFolder.appendingPathComponent("\(tenantID).sqlite")
    }
}
