/// Moving tenants between stores and layouts through a ``TenantArchive``: what one store exports, any other imports.
public protocol TenantArchiveStore: Sendable {
    /// An archive of tenant `tenantID`; throws ``TenantArchiveError/unknownTenant(_:)``.
    func exportTenant(_ tenantID: String) async throws -> TenantArchive
    /// An archive of every tenant, the control plane included, by id.
    func exportAllTenants() async throws -> TenantArchive
    /// Imports every tenant of `archive` and returns their ids. The archive is checked whole before anything is
    /// written, and each tenant is written all or nothing; unless `replacing`, a tenant that exists already is refused.
    @discardableResult
    func importArchive(_ archive: TenantArchive, replacing: Bool) async throws -> [String]
}
