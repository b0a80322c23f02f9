import ArgumentParser

/// `migrate`: brings the registry's schema and, with the schema-per-tenant layout, every tenant's schema up to date
/// (idempotent; a killed run resumes), as the tables' owner (`MIGRATE_DATABASE_URL`, else `DATABASE_URL`'s role).
/// Generation seeds nothing on PostgreSQL, so the first `migrate` also seeds the control plane, as `seed` does.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create or upgrade the database schema.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let environment = AppEnvironment()
        let runtime = try await database.openRuntime(environment, migrating: true)
        print("\(database.databasePath(environment)) is migrated (storage: \(runtime.storage.layout.rawValue)).")
        guard try await !runtime.isSeeded() else { return }
        var seed = try Seed.parse([])
        seed.database = database
        try await seed.run()
    }
}
