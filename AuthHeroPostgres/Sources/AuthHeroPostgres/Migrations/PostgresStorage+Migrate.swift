import AuthHeroCore
import Logging
import PostgresNIO

/// How far `migrate` has come: one line per schema it finished.
public struct MigrationProgress: Sendable, Equatable {
    /// The schema just brought up to date.
    public let schema: String
    /// How many migrations it applied there.
    public let applied: Int
    /// How many schemas are done, of `total`.
    public let done: Int
    /// How many schemas this run migrates.
    public let total: Int
}

extension PostgresStorage {
    /// Brings the registry's schema, and with the schema-per-tenant layout every customer tenant's schema, up to
    /// ``migrations``; returns how many migrations it applied in all. Each schema migrates in a transaction of its
    /// own and records its version there, so a run that was killed resumes where it stopped; at most `parallelism`
    /// schemas migrate at once. Concurrent runs are safe: each schema's version table is locked until its
    /// transaction commits. Runs as the role that owns (or will own) the registry's tables; when `serverRole` is
    /// given, that role may then read and write the registry's tables and nothing more (it does not own them, so the
    /// tenant policies bind it), and may create the tenant schemas it provisions.
    @discardableResult
    public func migrate(
        grantingTo serverRole: String? = nil, parallelism: Int = 8,
        progress: @escaping @Sendable (MigrationProgress) -> Void = { _ in }
    ) async throws -> Int {
        var applied = try await migrateSchema(schema, grantingTo: serverRole)
        guard layout == .schemaPerTenant else { return applied }
        let schemas = try await customerSchemas()
        progress(MigrationProgress(schema: schema, applied: applied, done: 0, total: schemas.count))
        try await withThrowingTaskGroup(of: (String, Int).self) { group in
            var pending = schemas.makeIterator()
            var done = 0
            for _ in 0..<max(1, parallelism) {
                guard let next = pending.next() else { break }
                group.addTask { (next, try await migrateSchema(next)) }
            }
            while let (finished, count) = try await group.next() {
                applied += count
                done += 1
                progress(MigrationProgress(schema: finished, applied: count, done: done, total: schemas.count))
                if let next = pending.next() { group.addTask { (next, try await migrateSchema(next)) } }
            }
        }
        return applied
    }

    /// Every schema whose recorded version is behind ``migrations``, with how many versions it lacks (all of them
    /// for a tenant whose schema is missing); empty when the server may start.
    public func schemasBehind() async throws -> [SchemaLag] {
        let target = migrations.last?.version ?? 0
        var lags: [SchemaLag] = []
        for schema in [schema] + (layout == .schemaPerTenant ? try await customerSchemas() : []) {
            let version = try await transaction(in: schema) { session in
                guard try await session.text("SELECT to_regclass('authhero_migrations')::text") != nil else { return 0 }
                return try await session.integer("SELECT coalesce(max(version), 0)::bigint FROM authhero_migrations")
            }
            if version < target { lags.append(SchemaLag(schema: schema, behind: target - version)) }
        }
        return lags
    }

    /// Throws ``SchemasBehind`` when any schema has not applied every migration: the server must not start on it.
    public func requireCurrentSchemas() async throws {
        let lags = try await schemasBehind()
        if !lags.isEmpty { throw SchemasBehind(lags: lags) }
    }

    /// The schemas of the registry's customer tenants, by tenant id.
    func customerSchemas() async throws -> [String] {
        let tenants = try await withRegistry { try await $0.texts("SELECT id FROM tenants ORDER BY id") }
        return try tenants.filter { $0 != ControlPlane.tenantID }.map(tenantSchemas.name(of:))
    }

    /// Creates `schema` when missing and applies, in one transaction, every migration it has not recorded.
    func migrateSchema(_ schema: String, grantingTo serverRole: String? = nil) async throws -> Int {
        let migrations = migrations
        let quoted = SQLName.quoted(schema)
        return try await StorageSession.translatingErrors {
            try await client.withTransaction(logger: logger) { connection in
                let session = StorageSession(connection: connection, logger: logger, columns: columns)
                try await session.run("CREATE SCHEMA IF NOT EXISTS \(unescaped: quoted)")
                try await session.use(schema)
                let applied = try await Self.applyMigrations(migrations, in: session)
                if let serverRole {
                    let role = SQLName.quoted(serverRole)
                    try await session.run("GRANT USAGE ON SCHEMA \(unescaped: quoted) TO \(unescaped: role)")
                    try await session.run(
                        "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA \(unescaped: quoted) TO \(unescaped: role)"
                    )
                    try await session.run(
                        "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA \(unescaped: quoted) TO \(unescaped: role)")
                    // With schema-per-tenant, provisioning creates tenants' schemas as the server's role. Granted
                    // only when missing, one run at a time: concurrent grants on one database collide ("tuple
                    // concurrently updated").
                    if layout == .schemaPerTenant {
                        try await session.run("SELECT pg_advisory_xact_lock(hashtext('authhero.database_grant'))")
                    }
                    if layout == .schemaPerTenant,
                        let database = try await session.text(
                            """
                            SELECT current_database()::text
                            WHERE NOT has_database_privilege(\(serverRole), current_database(), 'CREATE')
                            """)
                    {
                        try await session.run(
                            PostgresQuery(unsafeSQL: "GRANT CREATE ON DATABASE \(SQLName.quoted(database)) TO \(role)"))
                    }
                }
                return applied
            }
        }
    }

    /// Applies, in the session's schema, the migrations it has not recorded in its `authhero_migrations` table.
    static func applyMigrations(_ migrations: [PostgresMigration], in session: StorageSession) async throws -> Int {
        try await session.run(
            """
            CREATE TABLE IF NOT EXISTS authhero_migrations (
                version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
            """)
        try await session.run("LOCK TABLE authhero_migrations IN EXCLUSIVE MODE")
        let applied = try await session.integer("SELECT coalesce(max(version), 0)::bigint FROM authhero_migrations")
        let pending = migrations.filter { $0.version > applied }
        for migration in pending {
            for statement in migration.statements { try await session.run(PostgresQuery(unsafeSQL: statement)) }
            try await session.run(
                "INSERT INTO authhero_migrations (version, name) VALUES (\(migration.version), \(migration.name))")
        }
        return pending.count
    }

    /// The version the registry's schema has reached (0 before the first migration).
    public func schemaVersion() async throws -> Int {
        try await withRegistry { session in
            try await session.integer("SELECT coalesce(max(version), 0)::bigint FROM authhero_migrations")
        }
    }
}

/// A schema that has not applied every migration.
public struct SchemaLag: Sendable, Equatable {
    /// The schema.
    public let schema: String
    /// How many migrations it lacks.
    public let behind: Int

    /// A schema `behind` migrations behind.
    public init(schema: String, behind: Int) {
        self.schema = schema
        self.behind = behind
    }
}

/// The server must not start: these schemas lack migrations.
public struct SchemasBehind: Error, Equatable, CustomStringConvertible {
    /// Each schema behind, with how far.
    public let lags: [SchemaLag]

    public var description: String {
        let listed = lags.prefix(10).map { "\($0.schema) (\($0.behind) behind)" }.joined(separator: ", ")
        let more = lags.count > 10 ? " and \(lags.count - 10) more" : ""
        return "\(lags.count) schema(s) lack migrations: \(listed)\(more). Run migrate before serve."
    }
}
