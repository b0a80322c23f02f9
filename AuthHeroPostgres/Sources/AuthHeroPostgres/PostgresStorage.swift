import AuthHeroCore
import Foundation
import Logging
import PostgresNIO

/// AuthHero's storage on PostgreSQL through postgres-nio's pooled `PostgresClient`, in either ``PostgresLayout``.
/// Run the client (`client.run()`, e.g. in the service group) for as long as the storage is used.
///
/// Every store method names its tenant and runs through ``withTenant(_:_:)``, whose transaction sets the tenant for
/// the row-level-security policies and the tenant's schema as `search_path`; nothing else hands out a connection, so
/// a method cannot reach tenant rows without naming a tenant.
public struct PostgresStorage: Sendable {
    /// The pool every query runs on.
    public let client: PostgresClient
    /// Shared or schema per tenant.
    public let layout: PostgresLayout
    /// The registry's schema (with the shared layout, every table's).
    public let schema: String
    /// The migrations every schema must have applied, in order.
    public let migrations: [PostgresMigration]
    /// How customer tenants' schemas are named (schema per tenant).
    let tenantSchemas: TenantSchema
    let logger: Logger
    let columns = TableColumns()

    /// Storage over `client` with its registry in `schema` and, with the schema-per-tenant layout, each customer
    /// tenant in schema `tenantSchemaPrefix` + id; migrate first (``migrate(grantingTo:parallelism:progress:)``, as
    /// the tables' owner). `migrations` is ``PostgresMigrations/all`` but in tests of migrating itself.
    public init(
        client: PostgresClient, layout: PostgresLayout = .shared, schema: String = "authhero",
        tenantSchemaPrefix: String = "tenant_", migrations: [PostgresMigration] = PostgresMigrations.all,
        logger: Logger = Logger(label: "authhero.postgres")
    ) {
        self.client = client
        self.layout = layout
        self.schema = schema
        self.tenantSchemas = TenantSchema(prefix: tenantSchemaPrefix)
        self.migrations = migrations
        self.logger = logger
    }

    /// Whether `tenantID`'s rows live in a schema of their own rather than in the registry's.
    func isSeparate(_ tenantID: String) -> Bool { layout == .schemaPerTenant && tenantID != ControlPlane.tenantID }

    /// The schema holding `tenantID`'s rows.
    func schema(of tenantID: String) throws -> String {
        isSeparate(tenantID) ? try tenantSchemas.name(of: tenantID) : schema
    }

    /// Runs `body` in one transaction on `tenantID`'s schema, with `tenantID` the tenant the row-level-security
    /// policies admit: it commits when `body` returns and rolls back when it throws. Driver errors come out as
    /// `StorageError`; a tenant whose schema does not exist is `StorageError.notFound`.
    func withTenant<T: Sendable>(
        _ tenantID: String, _ body: @Sendable (StorageSession) async throws -> T
    ) async throws -> T {
        let schema = try schema(of: tenantID)
        do {
            return try await transaction(in: schema) { session in
                try await session.enter(tenantID)
                return try await body(session)
            }
        } catch StorageSession.Failure.undefinedTable(_) where isSeparate(tenantID) {
            throw StorageError.notFound("tenant \(tenantID)")
        }
    }

    /// Runs `body` in one transaction on the registry (tenants, custom domains, outbox), shared by every tenant and
    /// under no tenant policy.
    func withRegistry<T: Sendable>(_ body: @Sendable (StorageSession) async throws -> T) async throws -> T {
        try await transaction(in: schema, body)
    }

    /// Runs `body` in one transaction whose `search_path` is `schema`.
    func transaction<T: Sendable>(
        in schema: String, _ body: @Sendable (StorageSession) async throws -> T
    ) async throws -> T {
        let logger = logger
        let columns = columns
        return try await StorageSession.translatingErrors {
            try await client.withTransaction(logger: logger) { connection in
                let session = StorageSession(connection: connection, logger: logger, columns: columns)
                try await session.use(schema)
                return try await body(session)
            }
        }
    }
}
