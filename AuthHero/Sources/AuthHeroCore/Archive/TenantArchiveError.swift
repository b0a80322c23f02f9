/// Why an archive could not be exported or imported; nothing was written when an import throws one.
public enum TenantArchiveError: Error, Equatable, CustomStringConvertible {
    /// The file is not an AuthHero tenant archive (or not JSON).
    case notAnArchive(String)
    /// The archive's format version is one this runtime does not read.
    case unsupportedVersion(Int)
    /// The archive comes from a newer schema than this database's.
    case newerSchema(String)
    /// No tenant with this id exists (export).
    case unknownTenant(String)
    /// The tenant exists already and the import was not told to replace it.
    case tenantExists(String)
    /// The archive names a table this database does not have.
    case unknownTable(String)
    /// A row of `table` belongs to another tenant than the entry it is in, or the entry has no tenant id.
    case foreignRow(table: String, tenantID: String)
    /// A row could not be written (unknown column, broken constraint, ...).
    case invalidRow(table: String, reason: String)

    public var description: String {
        switch self {
        case .notAnArchive(let reason): "Not an AuthHero tenant archive: \(reason)"
        case .unsupportedVersion(let version):
            "Archive format version \(version) is not supported; this runtime reads version "
                + "\(TenantArchive.currentVersion)."
        case .newerSchema(let schema):
            "The archive comes from a newer schema (\(schema)); update the runtime before importing it."
        case .unknownTenant(let id): "No tenant \"\(id)\" to export."
        case .tenantExists(let id): "Tenant \"\(id)\" exists already; import with replace to overwrite it."
        case .unknownTable(let table): "The archive names table \"\(table)\", which this database does not have."
        case .foreignRow(let table, let tenantID):
            "A row of \(table) does not belong to tenant \"\(tenantID)\"; the archive was edited or is corrupt."
        case .invalidRow(let table, let reason): "A row of \(table) cannot be imported: \(reason)"
        }
    }
}
