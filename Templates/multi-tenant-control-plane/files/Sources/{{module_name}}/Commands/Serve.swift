import ArgumentParser
import AuthHeroCore
import AuthHeroServer
import Hummingbird
import Logging

/// `serve`: migrates the database, finishes any tenant an interrupted run left half-provisioned (reconcile), runs
/// the sync outbox processor and hourly retention, and serves every tenant's endpoints (OIDC discovery, login pages,
/// `/oauth/token`, the Management API, `/api/v2/tenants`) and the portal (`web/portal`) at the control plane's
/// `/portal/`.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the server (the default command).")

    @Option(help: "The address to listen on.")
    var hostname = "127.0.0.1"

    @Option(help: "The port to listen on (default: PORT, else {{port}}).")
    var port: Int?

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let port, !(0...65535).contains(port) { throw ValidationError("--port must be 0 to 65535, e.g. {{port}}.") }
    }

    func run() async throws {
        let environment = AppEnvironment()
        let port = self.port ?? environment.port
        let baseURL = database.resolvedBaseURL(environment, port: port)
        let path = database.databasePath(environment)
        var logger = Logger(label: "{{name_kebab}}")
        logger.logLevel = environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info

        let runtime = try {{#database_postgres}}await {{/database_postgres}}database.openRuntime(environment, port: port)
        guard try await runtime.isSeeded() else {
            throw CommandError("\(path) has no control plane yet: run `swift run {{module_name}} seed` first.")
        }
        let summary = try await runtime.services.tenantProvisioner.reconcile()
        // Import and export jobs a stopped server left pending run again; those it left half done are failed.
        let resumedJobs = try await runtime.services.jobs.resumeUnfinished()
        logger.info(
            "database ready",
            metadata: [
                "path": "\(path)", "storage": "\(runtime.storage.layout.rawValue)", "reconcile": "\(summary)",
                "resumed_jobs": "\(resumedJobs.count)",
            ])

        let portal = PortalSite(folder: environment.portalFolder, relativeTo: ProjectFolder.url)
        if !portal.hasIndex {
            logger.warning(
                "portal not served: no index.html in its folder; set PORTAL_FOLDER to the project's web/portal",
                metadata: ["folder": "\(portal.folder)"])
        }

        let hostname = self.hostname
        let app = AuthHeroApplication.make(
            services: runtime.services, hostname: hostname, port: port, portal: portal.hasIndex ? portal : nil,
            logger: logger,
            onServerRunning: { [logger, hostname, baseURL] actual in
                logger.info(
                    "listening",
                    metadata: [
                        "address": "\(hostname):\(actual)", "issuer": "\(baseURL)", "portal": "\(baseURL)portal/",
                    ])
            })
        // The sync outbox is processed next to the server, out of the requests that fill it (one processor per
        // process), and retention prunes hourly. Whichever task ends first (a signal stops the server) ends the
        // others.
        let sync = runtime.services.controlPlaneSync
        let retention = runtime.services.retention
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await sync.run() }
            group.addTask { await retention.run() }
            group.addTask { try await app.runService() }
            try await group.next()
            group.cancelAll()
        }
    }
}
