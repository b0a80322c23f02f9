import AuthHeroCore
import Logging
import PostgresNIO

/// PostgreSQL opened the way every server and command opens it: the storage on one pool, the access-invalidation
/// listener that keeps several processes' caches honest, and the stores a login needs, so that a login started on
/// one process finishes on another.
///
/// Run ``run()`` (the pool and the listener) for as long as the backend is used, then ``prepare(migrator:)`` before
/// the first query of a server.
public struct PostgresBackend: Sendable {
    /// The settings it was opened with (``DatabaseURL`` prints without its password).
    public let settings: PostgresSettings
    /// The tenants' data.
    public let storage: PostgresStorage
    /// Cache invalidations announced to every process on the database.
    public let invalidation: PostgresAccessInvalidation
    let tenantSchemaPrefix: String
    let logger: Logger

    /// The backend `settings` describe, its registry in `schema` and (schema per tenant) each customer tenant in
    /// `tenantSchemaPrefix` + id, as ``PostgresStorage`` has them; nothing connects until ``run()``.
    public init(
        settings: PostgresSettings, schema: String = "authhero", tenantSchemaPrefix: String = "tenant_",
        logger: Logger = Logger(label: "authhero.postgres")
    ) {
        let client = PostgresClient(configuration: settings.clientConfiguration, backgroundLogger: logger)
        self.settings = settings
        self.storage = PostgresStorage(
            client: client, layout: settings.layout, schema: schema, tenantSchemaPrefix: tenantSchemaPrefix,
            logger: logger)
        self.invalidation = PostgresAccessInvalidation(client: client, logger: logger)
        self.tenantSchemaPrefix = tenantSchemaPrefix
        self.logger = logger
    }

    /// Runs the pool and the invalidation listener until the task is cancelled.
    public func run() async throws {
        let storage = storage
        let invalidation = invalidation
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await storage.client.run() }
            group.addTask { try await invalidation.run() }
            try await group.waitForAll()
        }
    }

    /// Migrates as `migrator` (the tables' owner, which then grants this backend's role what it needs) when given,
    /// then refuses, with one line naming the fix, schemas that are behind and a role that row-level security would
    /// not bind. Needs ``run()`` to be running.
    public func prepare(
        migrator: PostgresSettings?, progress: @escaping @Sendable (MigrationProgress) -> Void = { _ in }
    )
        async throws
    {
        if let migrator { try await migrate(as: migrator, progress: progress) }
        try await storage.requireCurrentSchemas()
        try await storage.verifyRowLevelSecurityApplies()
    }

    /// Brings every schema up to date as `owner` on a pool of its own, closed when done, and grants this backend's
    /// role what it needs when it is another role. Returns how many migrations it applied.
    @discardableResult
    public func migrate(
        as owner: PostgresSettings, progress: @escaping @Sendable (MigrationProgress) -> Void = { _ in }
    ) async throws -> Int {
        let logger = logger
        let client = PostgresClient(configuration: owner.clientConfiguration, backgroundLogger: logger)
        let serverRole = settings.url.username == owner.url.username ? nil : settings.url.username
        let migrating = PostgresStorage(
            client: client, layout: settings.layout, schema: storage.schema, tenantSchemaPrefix: tenantSchemaPrefix,
            logger: logger)
        return try await withThrowingTaskGroup(of: Int.self) { group in
            group.addTask {
                await client.run()
                return 0
            }
            let applied = try await migrating.migrate(grantingTo: serverRole, progress: progress)
            group.cancelAll()
            return applied
        }
    }

    /// The services' stores that must be shared by every process: throttle counters and login transactions.
    public func loginTransactionStore(
        limits: LoginTransactionLimits = .init(), clock: any AuthHeroClock
    ) -> PostgresLoginTransactionStore {
        PostgresLoginTransactionStore(storage: storage, limits: limits, clock: clock)
    }
}
