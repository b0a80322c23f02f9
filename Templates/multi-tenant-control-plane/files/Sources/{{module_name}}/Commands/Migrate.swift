import ArgumentParser

/// `migrate`: applies every schema migration the control plane's file does not have yet (idempotent). With the
/// database-per-tenant layout a tenant's own file is migrated when it is opened, and `sync` (reconcile) recreates
/// one that is missing.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create or upgrade the database schema.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let environment = AppEnvironment()
        let runtime = try database.openRuntime(environment)
        print("\(database.databasePath(environment)) is migrated (storage: \(runtime.storage.layout.rawValue)).")
    }
}
