import ArgumentParser

/// The options every command that opens the database shares.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "The SQLite file (default: DATABASE_PATH, else data/control-plane.sqlite).")
    var database: String?

    @Option(help: "The public base URL, the control plane's issuer (default: BASE_URL, else http://localhost:<PORT>/).")
    var baseURL: String?

    /// The database path after the environment is taken into account.
    func databasePath(_ environment: AppEnvironment) -> String { database ?? environment.databasePath }

    /// The base URL after the environment is taken into account.
    func resolvedBaseURL(_ environment: AppEnvironment, port: Int? = nil) -> String {
        baseURL ?? environment.baseURL(port: port)
    }
}
