import PostgresNIO

/// What a server or command on PostgreSQL reads from its environment: `DATABASE_URL` (or `--database-url`),
/// `DATABASE_POOL_SIZE` (libpq rejects unknown URL parameters, so the pool size cannot ride in the URL) and
/// `STORAGE`. Read before anything is opened or written, so a setting that cannot work stops start-up with one line.
public struct PostgresSettings: Sendable, Equatable {
    /// The default most connections per process.
    public static let defaultPoolSize = 10

    /// The server to connect to, and as whom.
    public var url: DatabaseURL
    /// The most connections this process opens.
    public var poolSize: Int
    /// Shared or schema per tenant.
    public var layout: PostgresLayout

    /// Reads the settings from `environment`; `databaseURL` (a `--database-url` flag) wins over `DATABASE_URL`.
    public init(environment: [String: String], databaseURL: String? = nil) throws(PostgresSettingError) {
        guard let value = databaseURL ?? environment["DATABASE_URL"], !value.isEmpty else {
            throw PostgresSettingError.missingURL
        }
        do {
            url = try DatabaseURL(value)
        } catch {
            throw PostgresSettingError.url(error)
        }
        poolSize = Self.defaultPoolSize
        if let size = environment["DATABASE_POOL_SIZE"] {
            guard let number = Int(size), number >= 1 else { throw PostgresSettingError.invalidPoolSize(size) }
            poolSize = number
        }
        layout = .shared
        if let name = environment["STORAGE"] {
            guard let named = PostgresLayout(rawValue: name) else { throw PostgresSettingError.unknownLayout(name) }
            layout = named
        }
    }

    /// The client configuration these settings describe.
    public var clientConfiguration: PostgresClient.Configuration { url.clientConfiguration(poolSize: poolSize) }
}

/// A PostgreSQL setting the runtime cannot use; the one-line message names the setting and what it accepts, and
/// never repeats a password.
public enum PostgresSettingError: Error, Equatable, CustomStringConvertible {
    /// Neither `--database-url` nor `DATABASE_URL` is set.
    case missingURL
    /// The URL cannot be used.
    case url(DatabaseURLError)
    /// `DATABASE_POOL_SIZE` is not a whole number of at least 1.
    case invalidPoolSize(String)
    /// `STORAGE` names no PostgreSQL layout.
    case unknownLayout(String)

    public var description: String {
        switch self {
        case .missingURL:
            "Set DATABASE_URL (or --database-url) to postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=MODE."
        case .url(let error): error.description
        case .invalidPoolSize(let value):
            "DATABASE_POOL_SIZE must be a whole number of at least 1 (connections per process), not \"\(value)\"."
        case .unknownLayout("database-per-tenant"):
            "STORAGE=database-per-tenant is a SQLite layout; on PostgreSQL use \"shared\" or \"schema-per-tenant\"."
        case .unknownLayout(let value):
            "Unknown storage \"\(value)\": on PostgreSQL use \"shared\" (one schema) or \"schema-per-tenant\" (a "
                + "schema per tenant)."
        }
    }
}
