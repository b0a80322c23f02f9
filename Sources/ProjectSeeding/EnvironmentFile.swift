import AuthHeroCore

/// The generated project's `.env`: where it listens and the seed's client credentials, read by `serve`, the
/// Backend Sample and the README's curl examples. Never holds the administrator's password.
public struct EnvironmentFile: Sendable, Equatable {
    public let projectName: String
    public let port: String
    public let baseURL: String
    public let portalCallbackURL: String
    /// What the seed made; nil on PostgreSQL, where the first `migrate` or `seed` prints the ids to copy here.
    public let seed: ControlPlaneSeedResult?
    /// The Backend Sample's port, when the project has the sample.
    public let backendSamplePort: String?
    /// Where tenants' rows live (`STORAGE`): `shared` or `database-per-tenant` (SQLite), `shared` or
    /// `schema-per-tenant` (PostgreSQL).
    public let storage: String
    /// The PostgreSQL lines (`DATABASE_URL` and the rest), or nil for SQLite.
    public let postgres: PostgresLines?

    /// Where a project on PostgreSQL connects: the local cluster its README starts, until you point it elsewhere.
    public struct PostgresLines: Sendable, Equatable {
        /// The database's name.
        public let database: String

        public init(database: String) { self.database = database }

        var lines: [String] {
            [
                "# The server's role (row-level security binds it) and the tables' owner, which `migrate` runs as.",
                "DATABASE_URL=postgres://authhero_server@127.0.0.1:5433/\(database)?sslmode=disable",
                "MIGRATE_DATABASE_URL=postgres://authhero_owner@127.0.0.1:5433/\(database)?sslmode=disable",
                "DATABASE_POOL_SIZE=10",
            ]
        }
    }

    public init(
        projectName: String, port: String, baseURL: String, portalCallbackURL: String, seed: ControlPlaneSeedResult?,
        backendSamplePort: String?, storage: String, postgres: PostgresLines? = nil
    ) {
        self.projectName = projectName
        self.port = port
        self.baseURL = baseURL
        self.portalCallbackURL = portalCallbackURL
        self.seed = seed
        self.backendSamplePort = backendSamplePort
        self.storage = storage
        self.postgres = postgres
    }

    /// The file's text, one `KEY=value` per line.
    public var text: String {
        var lines = [
            "# Local settings for \(projectName), written by create-authhero; never commit this file.",
            "# development: localhost and 127.0.0.1 also reach the control plane; leave it out on a server.",
            "ENVIRONMENT=development",
            "PORT=\(port)",
            "BASE_URL=\(baseURL)",
            "AUTH_ISSUER=\(baseURL)",
        ]
        lines += postgres?.lines ?? []
        lines += [
            "STORAGE=\(storage)",
            "PORTAL_CLIENT_ID=\(seed?.portalClientID ?? "")",
            "PORTAL_CALLBACK_URL=\(portalCallbackURL)",
            "BACKEND_SAMPLE_CLIENT_ID=\(seed?.backendSampleClientID ?? "")",
            "BACKEND_SAMPLE_CLIENT_SECRET=\(seed?.backendSampleClientSecret ?? "")",
        ]
        if let backendSamplePort { lines.append("BACKEND_SAMPLE_PORT=\(backendSamplePort)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
