import ArgumentParser
import AuthHeroCore
import AuthHeroServer
import AuthHeroSQLite
import Foundation
import Logging

/// `{{module_name}}`: one tenant, one issuer. `serve` (the default) seeds what is missing and serves the OIDC
/// endpoints and login pages; `seed` only seeds.
@main
struct App: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "{{module_name}}", abstract: "{{display_name}}: a single-tenant AuthHero server.",
        subcommands: [Serve.self, Seed.self], defaultSubcommand: Serve.self)

    /// Opens and migrates the database, then seeds it (idempotent); prints the application's client id.
    static func prepare(_ configuration: ServerConfiguration) async throws -> AuthHeroServices {
        let folder = URL(fileURLWithPath: configuration.databasePath).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let storage = try SQLiteStorage.open(path: configuration.databasePath)
        try storage.migrate()
        let services = AuthHeroServices(
            storage: storage, hosts: try PlatformHosts(baseURL: configuration.baseURL, development: configuration.isDevelopment),
            trustedProxies: try TrustedProxies(list: configuration.trustedProxies))
        let clientID = try await TenantSeed(services: services, configuration: configuration).run()
        print("{{display_name}}: issuer \(configuration.baseURL), client_id \(clientID)")
        return services
    }

    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Seed what is missing and run the server.")

        @Option(help: "The address to listen on.")
        var hostname = "127.0.0.1"

        func run() async throws {
            let configuration = ServerConfiguration()
            var logger = Logger(label: "{{name_kebab}}")
            logger.logLevel = Logger.Level(rawValue: configuration.logLevel) ?? .info
            let services = try await App.prepare(configuration)
            try await AuthHeroApplication.make(
                services: services, hostname: hostname, port: configuration.port, logger: logger
            ).runService()
        }
    }

    struct Seed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create the tenant and its application (idempotent).")

        func run() async throws {
            _ = try await App.prepare(ServerConfiguration())
        }
    }
}
