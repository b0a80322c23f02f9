import ArgumentParser
import AuthHeroSQLite

/// The options every command that opens the database shares.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "The control plane's SQLite file (default: DATABASE_PATH, else data/control-plane.sqlite).")
    var database: String?

    @Option(help: "Where tenants' rows live: shared or database-per-tenant (default: STORAGE, else {{isolation}}).")
    var storage: String?

    @Option(help: "The public base URL, the control plane's issuer (default: BASE_URL, else http://localhost:<PORT>/).")
    var baseURL: String?

    /// The database path after the environment is taken into account.
    func databasePath(_ environment: AppEnvironment) -> String { database ?? environment.databasePath }

    /// The base URL after the environment is taken into account.
    func resolvedBaseURL(_ environment: AppEnvironment, port: Int? = nil) -> String {
        baseURL ?? environment.baseURL(port: port)
    }

    /// The storage layout (`--storage`, else `STORAGE`, else the one chosen at generation) over the database path,
    /// with `STORAGE_OPEN_FILES` bounding the open tenant files.
    func strategy(_ environment: AppEnvironment) throws -> StorageStrategy {
        var values = environment.values
        values["STORAGE"] = storage ?? environment["STORAGE"] ?? "{{isolation}}"
        do {
            return try StorageStrategy(environment: values, databasePath: databasePath(environment))
        } catch {
            throw CommandError(error.description)
        }
    }

    /// Opens the runtime on the database and layout these options and the environment name.
    func openRuntime(_ environment: AppEnvironment, port: Int? = nil) throws -> ControlPlaneRuntime {
        try ControlPlaneRuntime.open(
            strategy: strategy(environment), baseURL: resolvedBaseURL(environment, port: port),
            development: environment.isDevelopment, trustedProxies: environment.trustedProxies,
            retention: environment.retention())
    }
}
