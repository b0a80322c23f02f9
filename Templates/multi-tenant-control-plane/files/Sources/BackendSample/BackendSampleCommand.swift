import ArgumentParser
import Foundation
import Logging

/// `BackendSample`: a platform API that verifies the control plane's organization and internal tokens.
///
/// Settings come from the process environment, then `.env` (see ``BackendConfiguration``). The port is
/// `--port`, else the process environment's `PORT`, else {{backend_port}}; the `PORT` in `.env` is the control
/// plane's and is never read here.
@main
struct BackendSampleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "BackendSample",
        abstract: "A platform API that verifies organization and internal tokens of the control plane.")
    /// The port create-authhero was given for the backend sample.
    static let defaultPort = {{backend_port}}

    @Option(help: "Address to listen on.")
    var hostname = "127.0.0.1"

    @Option(help: "Port to listen on (default: the environment's PORT, else \(defaultPort)).")
    var port: Int?

    @Option(help: "The .env file to read settings from; the process environment wins over it.")
    var envFile = ".env"

    @Option(
        name: .customLong("audience"),
        help: ArgumentHelp(
            "An audience /customers/... accepts (repeatable; default: BACKEND_SAMPLE_AUDIENCES, else "
                + "\(BackendConfiguration.defaultCustomerAudiences.joined(separator: " and "))).")
    )
    var audiences: [String] = []

    @Option(
        help: ArgumentHelp(
            "The append-only audit file (default: BACKEND_SAMPLE_AUDIT_LOG, else "
                + "\(BackendConfiguration.defaultAuditLogPath)).")
    )
    var auditLog: String?

    func validate() throws {
        if let port, !(0...65535).contains(port) {
            throw ValidationError("--port must be from 0 to 65535.")
        }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let configuration: BackendConfiguration
        do throws(ConfigurationError) {
            let settings = try DotEnvFile.load(path: envFile).merging(environment) { _, process in process }
            var loaded = try BackendConfiguration(settings: settings)
            if !audiences.isEmpty { loaded.customerAudiences = audiences }
            if let auditLog { loaded.auditLogPath = auditLog }
            configuration = loaded
        } catch {
            throw ValidationError(error.description)
        }
        let port = try Self.port(option: self.port, environment: environment)
        let logger = Logger(label: "backend-sample")
        logger.info(
            "Backend sample starting",
            metadata: [
                "issuer": "\(configuration.issuer)", "audiences": "\(configuration.customerAudiences)",
                "audit_log": "\(configuration.auditLogPath)", "port": "\(port)",
            ])
        try Self.createDirectory(containing: configuration.auditLogPath)
        let app = BackendApplication.make(
            services: BackendServices(configuration: configuration), hostname: hostname, port: port, logger: logger)
        try await app.runService()
    }

    /// `--port`, else the process environment's `PORT`, else ``defaultPort``. Never the `PORT` of `.env`: that one
    /// is the control plane's.
    static func port(option: Int?, environment: [String: String]) throws -> Int {
        if let option { return option }
        guard let value = environment["PORT"] else { return defaultPort }
        guard let port = Int(value), (0...65535).contains(port) else {
            throw ValidationError("PORT must be a number from 0 to 65535, not \(value).")
        }
        return port
    }

    /// The audit file's folder (git-ignored `data/` by default) must exist before the first record.
    private static func createDirectory(containing path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }
}
