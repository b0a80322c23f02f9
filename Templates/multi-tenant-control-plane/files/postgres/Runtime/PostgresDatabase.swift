import AuthHeroPostgres

/// Where the project's PostgreSQL is and as whom every command connects, read before anything connects so that a
/// wrong setting stops the command with one line (which never shows a password):
/// - `DATABASE_URL` (or `--database-url`): the server's role, which the tenants' row-level security binds;
/// - `MIGRATE_DATABASE_URL`: the tables' owner, that `migrate` (and `serve`, before serving) migrates as, granting
///   the server's role what it needs; without it `migrate` runs as `DATABASE_URL`'s role;
/// - `DATABASE_POOL_SIZE`: the connections per process (libpq rejects unknown URL parameters, so it is not in the URL);
/// - `STORAGE` (or `--storage`): `shared` or `schema-per-tenant`.
struct PostgresDatabase: Sendable {
    /// The server's connection.
    let server: PostgresSettings
    /// The owner's connection, when `MIGRATE_DATABASE_URL` names one.
    let owner: PostgresSettings?

    init(environment: AppEnvironment, databaseURL: String?, storage: String?) throws {
        var values = environment.values.filter { !$0.value.isEmpty }
        values["STORAGE"] = storage ?? environment["STORAGE"] ?? "{{postgres_storage}}"
        do {
            server = try PostgresSettings(environment: values, databaseURL: databaseURL)
            if let url = environment["MIGRATE_DATABASE_URL"] {
                owner = try PostgresSettings(environment: values, databaseURL: url)
            } else {
                owner = nil
            }
        } catch {
            throw CommandError(error.description)
        }
    }

    /// The server's URL without its password, for messages.
    var description: String { "\(server.url)" }
}
