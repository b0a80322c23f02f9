import AuthHeroCore
import AuthHeroPostgres
import AuthHeroServer
import Foundation

/// The runtime's services over the project's PostgreSQL database, wired with ``MultiTenancy``. Login transactions,
/// throttle counters and cache invalidations live in the database too, so any number of `serve` processes may share
/// it behind a load balancer.
struct ControlPlaneRuntime: Sendable {
    let storage: PostgresStorage
    let hosts: PlatformHosts
    let services: AuthHeroServices
    /// The pool and the invalidation listener, running for as long as the command does.
    let connections: Task<Void, any Error>

    /// Connects to `database` and readies it: migrates as `migrator` when given (the tables' owner), then refuses
    /// schemas that are behind and, unless `verifyingRoles` is false (tests, which run as the owner of a schema of
    /// their own), a server role that row-level security would not bind. `schema` holds the registry (and the shared
    /// layout's tables), each customer tenant of the schema-per-tenant layout goes in `schema` + `_` + id. The other
    /// parameters are those of the SQLite flavour: `development` lets `localhost` reach the control plane,
    /// `trustedProxies` names the reverse proxies, `retention` bounds the outbox and audit entries, `passwordHasher`
    /// is for tests, which lower the bcrypt cost.
    static func open(
        database: PostgresDatabase, migrator: PostgresSettings?, baseURL: String, development: Bool,
        trustedProxies: String = "", retention: RetentionPolicy = RetentionPolicy(),
        passwordHasher: PasswordHasher = PasswordHasher(), schema: String = "authhero",
        verifyingRoles: Bool = true
    ) async throws -> ControlPlaneRuntime {
        let proxies: TrustedProxies
        do {
            proxies = try TrustedProxies(list: trustedProxies)
        } catch {
            throw CommandError(error.description)
        }
        let hosts = try PlatformHosts(baseURL: baseURL, development: development)
        let backend = PostgresBackend(
            settings: database.server, schema: schema, tenantSchemaPrefix: schema == "authhero" ? "tenant_" : schema + "_")
        let connections = Task { try await backend.run() }
        do {
            if verifyingRoles {
                try await backend.prepare(migrator: migrator)
            } else if let migrator {
                try await backend.migrate(as: migrator)
            }
        } catch let error as CustomStringConvertible & Error {
            connections.cancel()
            throw CommandError("\(database.description): \(error.description)")
        }
        let clock = SystemClock()
        let services = AuthHeroServices(
            storage: backend.storage, hosts: hosts, clock: clock, passwordHasher: passwordHasher,
            throttleCounters: backend.storage, loginTransactionStore: backend.loginTransactionStore(clock: clock),
            trustedProxies: proxies, multiTenancy: MultiTenancy.plugin, accessInvalidation: backend.invalidation,
            retention: retention)
        return ControlPlaneRuntime(storage: backend.storage, hosts: hosts, services: services, connections: connections)
    }

    /// Whether the control plane has been seeded (the `control-plane` tenant exists).
    func isSeeded() async throws -> Bool {
        try await storage.tenant(ControlPlane.tenantID) != nil
    }
}
