/// Where tenants' rows live: all in one SQLite file, or each customer tenant in its own file next to the control
/// plane's. The same build serves both; the choice is a runtime setting (`STORAGE`).
public enum StorageLayout: String, CaseIterable, Sendable {
    /// One file holds every tenant; rows are told apart by their `tenant_id`.
    case shared
    /// The control plane's file holds the tenant registry and the control plane's own rows; every customer tenant
    /// has its own file under `tenants/`.
    case databasePerTenant = "database-per-tenant"

    /// The layout named `name` (`shared` or `database-per-tenant`, as in `STORAGE` or a `--storage` flag).
    public init(name: String) throws(StorageSettingError) {
        guard let layout = StorageLayout(rawValue: name) else { throw StorageSettingError.unknownLayout(name) }
        self = layout
    }
}
