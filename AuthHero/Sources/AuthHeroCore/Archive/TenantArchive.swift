import Foundation

/// A portable copy of one tenant or of all, independent of the store and its layout (SQLite shared or database per
/// tenant, PostgreSQL shared or schema per tenant): tables by name, rows as JSON objects of column → value.
///
/// The JSON document:
/// ```json
/// {
///   "format": "authhero-tenant-archive",
///   "version": 1,
///   "schemaVersion": "v3_user_name",
///   "tenants": [
///     { "tenant": { "id": "acme", "friendly_name": "Acme", ... },
///       "tables": { "users": [ { "tenant_id": "acme", "id": "auth0|1", ... } ], "clients": [ ... ], ... } }
///   ]
/// }
/// ```
/// - `version` is this document's format version; `schemaVersion` names the SQLite schema migration whose tables
///   and columns the rows have (a PostgreSQL export names the one its schema matches). An import accepts an archive of its own schema or an older one (columns added since take their
///   defaults) and refuses one from a newer release.
/// - `tables` holds every table with a `tenant_id` column, only the tenant's rows, ordered by primary key. Values
///   are SQLite's cells (``ArchiveValue``). Audit entries get new ids on import.
/// - Secrets stay as stored: password and client-secret hashes, and **signing keys' private keys in PEM**. The file
///   grants control of the tenant: ``write(to:)`` creates it readable by its owner only (0600); keep it so.
public struct TenantArchive: Codable, Sendable, Equatable {
    /// The `format` every archive carries.
    public static let formatName = "authhero-tenant-archive"
    /// The format version this runtime writes and reads.
    public static let currentVersion = 1

    /// One tenant: its registry row and its rows in every tenant table.
    public struct Entry: Codable, Sendable, Equatable {
        /// The `tenants` row.
        public var tenant: ArchiveRow
        /// Table name → the tenant's rows.
        public var tables: [String: [ArchiveRow]]

        /// An entry of `tenant`'s row and its `tables`.
        public init(tenant: ArchiveRow, tables: [String: [ArchiveRow]]) {
            self.tenant = tenant
            self.tables = tables
        }

        /// The tenant's id, from its row.
        public var tenantID: String? {
            if case .text(let id) = tenant["id"] { return id }
            return nil
        }
    }

    /// Always ``formatName``.
    public var format: String
    /// The format version.
    public var version: Int
    /// The last schema migration of the exporting database.
    public var schemaVersion: String
    /// The archived tenants.
    public var tenants: [Entry]

    /// An archive of `tenants` at `schemaVersion` in the current format.
    public init(schemaVersion: String, tenants: [Entry]) {
        format = Self.formatName
        version = Self.currentVersion
        self.schemaVersion = schemaVersion
        self.tenants = tenants
    }
}
