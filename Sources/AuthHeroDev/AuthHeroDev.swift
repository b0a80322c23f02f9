import ArgumentParser
import AuthHeroCore
import AuthHeroPostgres
import AuthHeroSQLite
import AuthHeroServer
import Foundation
import Hummingbird
import Logging

/// `authhero-dev`: migrates a SQLite file (or a PostgreSQL database), seeds the control plane and one tenant with a
/// machine-to-machine client, and serves every tenant's endpoints.
@main
struct AuthHeroDev: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authhero-dev",
        abstract: "Run a development AuthHero server on a SQLite file or a PostgreSQL database.")

    @Option(help: "SQLite database file (created and migrated if needed).")
    var database = "authhero-dev.sqlite"

    @Option(
        help: ArgumentHelp(
            "Storage layout: shared (one SQLite file) or database-per-tenant (each tenant in tenants/<id>.sqlite "
                + "next to --database).",
            discussion: "Default: the STORAGE environment variable, else shared. STORAGE_OPEN_FILES bounds the "
                + "tenant files kept open (default 64)."))
    var storage: String?

    @Option(
        help: ArgumentHelp(
            "PostgreSQL to serve on instead of SQLite, as a role row-level security binds: "
                + "postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=MODE.",
            discussion: "Default: the DATABASE_URL environment variable, if set. STORAGE then names the layout "
                + "(shared or schema-per-tenant) and DATABASE_POOL_SIZE the connections per process. Any number of "
                + "processes may serve one database."))
    var databaseURL: String?

    @Option(
        help: "PostgreSQL URL of the tables' owner, to migrate with before serving (default: MIGRATE_DATABASE_URL).")
    var migrateURL: String?

    @Option(help: "Address to listen on.")
    var hostname = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 3000

    @Option(help: "Public base URL: the control plane's issuer; tenants live at {tenant}.{host}.")
    var baseURL = "http://localhost:3000/"

    @Option(help: "Id (subdomain label) of the tenant to seed.")
    var tenant = "coffee-shop"

    @Option(help: "Identifier (audience) of the API to seed in that tenant.")
    var audience = "urn:authhero:dev-api"

    @Flag(help: "Honour X-Forwarded-Host / X-Forwarded-Proto (only behind a proxy you control).")
    var trustForwardedHeaders = false

    func validate() throws {
        guard TenantName.isValidLabel(tenant), !TenantName.reserved.contains(tenant) else {
            throw ValidationError(
                "--tenant must be a DNS label (a-z, 0-9, -) and not a reserved name, e.g. coffee-shop.")
        }
        do { _ = try PlatformHosts(baseURL: baseURL, development: true) } catch { throw ValidationError("\(error)") }
        do {
            if try postgres() == nil { _ = try strategy() }
        } catch let error as PostgresSettingError {
            throw ValidationError(error.description)
        } catch let error as StorageSettingError {
            throw ValidationError(error.description)
        }
    }

    /// PostgreSQL's settings (server and migrating role) when `--database-url` or `DATABASE_URL` names a database.
    private func postgres() throws(PostgresSettingError) -> (server: PostgresSettings, migrator: PostgresSettings?)? {
        let environment = ProcessInfo.processInfo.environment
        guard (databaseURL ?? environment["DATABASE_URL"]).map({ !$0.isEmpty }) == true else { return nil }
        let server = try PostgresSettings(environment: environment, databaseURL: databaseURL)
        guard let migrate = migrateURL ?? environment["MIGRATE_DATABASE_URL"] else { return (server, nil) }
        return (server, try PostgresSettings(environment: environment, databaseURL: migrate))
    }

    /// The storage strategy from `--storage` (else `STORAGE`) and `STORAGE_OPEN_FILES`.
    private func strategy() throws(StorageSettingError) -> StorageStrategy {
        var environment = ProcessInfo.processInfo.environment
        if let storage { environment["STORAGE"] = storage }
        return try StorageStrategy(environment: environment, databasePath: database)
    }

    func run() async throws {
        let logger = Logger(label: "authhero-dev")
        let postgres = try postgres()
        let storage =
            if let postgres {
                DevelopmentStorage.postgres(postgres.server, logger: logger)
            } else {
                try DevelopmentStorage.sqlite(try strategy(), path: database)
            }
        // PostgreSQL's pool and invalidation listener run for as long as the server does.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for work in storage.background() { group.addTask { try await work() } }
            try await storage.prepare(migrator: postgres?.migrator, logger: logger)
            try await serve(on: storage, logger: logger)
            group.cancelAll()
        }
    }

    private func serve(on storage: DevelopmentStorage, logger: Logger) async throws {
        let hosts = try PlatformHosts(baseURL: baseURL, development: true, trustForwardedHeaders: trustForwardedHeaders)
        let services = storage.services(hosts: hosts)
        let seed = try await DevelopmentSeed(services: services).run(tenantID: tenant, audience: audience)
        // Finishes tenants a crash left half-provisioned and repairs synced copies before serving.
        let reconciled = try await services.tenantProvisioner.reconcile()
        // Runs the import and export jobs a stopped server left pending, and fails those it left half done.
        let resumedJobs = try await services.jobs.resumeUnfinished()

        // Written unbuffered in one piece so it shows before the server's own log lines, also when piped.
        let banner = """
            AuthHero development server
              database:       \(storage)
              control plane:  \(hosts.controlPlaneIssuer)
              tenant issuer:  \(hosts.subdomainIssuer(tenantID: tenant))
              audience:       \(audience)
              client_id:      \(seed.clientID)
              client_secret:  \(seed.clientSecret ?? "(shown only when the client was created)")
              reconcile:      \(reconciled.provisioned.count) tenant(s) finished, \(reconciled.fullSync.repairs) synced copies repaired
              jobs:           \(resumedJobs.count) pending job(s) resumed

            """
        FileHandle.standardOutput.write(Data(banner.utf8))

        let app = AuthHeroApplication.make(services: services, hostname: hostname, port: port, logger: logger)
        // The outbox processor fans control-plane changes out to customer tenants next to the server, and retention
        // prunes hourly; when the server stops, both are cancelled.
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await services.controlPlaneSync.run() }
            group.addTask { await services.retention.run() }
            group.addTask { try await app.runService() }
            try await group.next()
            group.cancelAll()
        }
    }
}
