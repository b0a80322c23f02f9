import ArgumentParser
import AuthHeroPostgres

/// The options every command that opens the database shares.
struct DatabaseOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The PostgreSQL database, as the server's role (default: DATABASE_URL).",
            discussion: "postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=MODE; MIGRATE_DATABASE_URL names the "
                + "tables' owner, DATABASE_POOL_SIZE the connections per process."))
    var databaseURL: String?

    @Option(help: "Where tenants' rows live: shared or schema-per-tenant (default: STORAGE, else {{postgres_storage}}).")
    var storage: String?

    @Option(help: "The public base URL, the control plane's issuer (default: BASE_URL, else http://localhost:<PORT>/).")
    var baseURL: String?

    /// Where the database is, for messages: the URL without its password.
    func databasePath(_ environment: AppEnvironment) -> String {
        (try? database(environment).description) ?? "PostgreSQL"
    }

    /// The base URL after the environment is taken into account.
    func resolvedBaseURL(_ environment: AppEnvironment, port: Int? = nil) -> String {
        baseURL ?? environment.baseURL(port: port)
    }

    /// The connection settings (`--database-url` and `--storage` over the environment).
    func database(_ environment: AppEnvironment) throws -> PostgresDatabase {
        try PostgresDatabase(environment: environment, databaseURL: databaseURL, storage: storage)
    }

    /// Opens the runtime on the database these options and the environment name; migrates first as the tables'
    /// owner when `MIGRATE_DATABASE_URL` names it, or, with `migrating`, as whichever role it can.
    func openRuntime(_ environment: AppEnvironment, port: Int? = nil, migrating: Bool = false) async throws
        -> ControlPlaneRuntime
    {
        let database = try database(environment)
        return try await ControlPlaneRuntime.open(
            database: database, migrator: database.owner ?? (migrating ? database.server : nil),
            baseURL: resolvedBaseURL(environment, port: port), development: environment.isDevelopment,
            trustedProxies: environment.trustedProxies, retention: environment.retention(),
            verifyingRoles: !migrating || database.owner != nil)
    }
}
