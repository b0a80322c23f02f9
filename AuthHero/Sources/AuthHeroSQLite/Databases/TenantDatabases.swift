import GRDB

/// Which SQLite database holds which tenant's rows: the seam between the stores and the file layout. Every store
/// method goes through it with the tenant it serves, so a method cannot reach a tenant's rows without naming it.
protocol TenantDatabases: Sendable {
    /// The control plane's file: the `tenants` registry, `custom_domains`, the `outbox`, and every row of the
    /// control plane tenant itself.
    var registry: any DatabaseWriter { get }

    /// Whether `tenantID`'s rows live in a database of their own rather than in the registry.
    func isSeparate(_ tenantID: String) -> Bool

    /// Runs `body` on the database holding `tenantID`'s rows; the database stays open until `body` returns. For a
    /// tenant the registry does not know, reads see an empty database and writes throw `StorageError.notFound`, as
    /// if the tenant had no rows.
    func withDatabase<T>(
        _ tenantID: String, writing: Bool, _ body: (any DatabaseWriter) async throws -> T
    ) async throws -> T

    /// Closes and removes `tenantID`'s own database once its registry rows are gone (no-op when it has none).
    func remove(_ tenantID: String) async throws

    /// Creates or migrates every customer tenant's own database and removes those of tenants that no longer exist;
    /// returns the tenants whose database has not been provisioned (missing, recreated, or interrupted).
    func repair() async throws -> [String]
}
