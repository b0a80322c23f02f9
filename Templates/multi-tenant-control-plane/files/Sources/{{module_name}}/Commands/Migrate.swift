import ArgumentParser

/// `migrate`: applies every schema migration the database does not have yet (idempotent).
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create or upgrade the database schema.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let environment = AppEnvironment()
        let path = database.databasePath(environment)
        _ = try ControlPlaneRuntime.open(path: path, baseURL: database.resolvedBaseURL(environment))
        print("\(path) is migrated.")
    }
}
