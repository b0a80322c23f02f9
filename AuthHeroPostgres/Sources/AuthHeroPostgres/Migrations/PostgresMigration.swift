/// One step of the PostgreSQL schema: statements run in order, in one transaction, in the schema being migrated
/// (first on `search_path`, so they name no schema).
public struct PostgresMigration: Sendable {
    /// Position in ``PostgresMigrations/all``, from 1; recorded in each schema's `authhero_migrations` table.
    public let version: Int
    /// What the step is for, recorded with the version.
    public let name: String
    /// The SQL statements, in order.
    public let statements: [String]

    /// A migration to `version`, named `name`, running `statements`.
    public init(version: Int, name: String, statements: [String]) {
        self.version = version
        self.name = name
        self.statements = statements
    }
}
