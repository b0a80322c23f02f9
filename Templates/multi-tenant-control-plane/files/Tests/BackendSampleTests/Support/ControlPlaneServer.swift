import AuthHeroCore
import AuthHeroSQLite
import AuthHeroServer
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging

/// A real AuthHero control plane on 127.0.0.1 (port 0) over a fresh SQLite database seeded by ``ControlPlaneSeed``.
///
/// Its issuer is `http://localhost:3000/` whatever port it listens on: in development the server also answers as
/// the control plane at `127.0.0.1:<port>`, which is where the backend sample reaches it.
struct ControlPlaneServer {
    static let issuer = "http://localhost:3000/"
    /// The `Host` browsers send to the control plane.
    static let host = "localhost:3000"

    let port: Int
    let services: AuthHeroServices
    /// The Backend Sample client's plaintext secret.
    let backendSecret: String

    /// Where the backend sample sends its requests.
    var url: URL { URL(string: "http://127.0.0.1:\(port)/")! }

    /// Starts a seeded server, runs `body` against it, and stops it.
    static func run(_ body: @Sendable (ControlPlaneServer) async throws -> Void) async throws {
        let folder = try TemporaryFolder(prefix: "backend-cp")
        defer { folder.remove() }
{{#database_sqlite}}
        // The layout in `STORAGE` (default `{{isolation}}`), so CI runs these tests once per layout on one build.
        var environment = ProcessInfo.processInfo.environment
        environment["STORAGE"] = environment["STORAGE"] ?? "{{isolation}}"
{{/database_sqlite}}
{{#database_postgres}}
        // The sample is tested against a control plane on a SQLite file of its own; `STORAGE` names the app's
        // PostgreSQL layout, not this one's.
        var environment = ProcessInfo.processInfo.environment
        environment["STORAGE"] = "shared"
{{/database_postgres}}
        let storage = try SQLiteStorage.open(
            strategy: StorageStrategy(
                environment: environment, databasePath: folder.path("control-plane.sqlite")))
        try storage.migrate()
        // The lowest bcrypt cost keeps sign-ups fast in tests; the served project keeps the default.
        let services = AuthHeroServices(
            storage: storage, hosts: try PlatformHosts(baseURL: issuer, development: true),
            passwordHasher: PasswordHasher(cost: 4))
        let secret = try await ControlPlaneSeed.seed(services)
        try await withRunningServer { onServerRunning in
            AuthHeroApplication.make(
                services: services, hostname: "127.0.0.1", port: 0, logger: .quiet("control-plane-test"),
                onServerRunning: onServerRunning)
        } _: { port in
            try await body(ControlPlaneServer(port: port, services: services, backendSecret: secret))
        }
    }

    /// A browser with an empty cookie jar.
    func browser() -> Browser { Browser(port: port) }

    /// A client-credentials token of the Backend Sample client for `audience`, narrowed to `scope` when given.
    func machineToken(audience: String, scope: String? = nil) async throws -> String {
        var form = [
            "grant_type": "client_credentials", "client_id": ControlPlaneSeed.backendClientID,
            "client_secret": backendSecret, "audience": audience,
        ]
        form["scope"] = scope
        let response = try await browser().post("/oauth/token", host: Self.host, form: form)
        guard response.status == .ok, let token = try response.json()["access_token"] as? String else {
            throw TestSetupError("client credentials for \(audience) answered \(response.status): \(response.text)")
        }
        return token
    }
}

/// A step of a test's set-up that did not go as the server should make it go.
struct TestSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension Logger {
    /// A logger for servers under test: cancelling a server with open connections logs errors that are expected
    /// there, so only critical messages are kept.
    static func quiet(_ label: String) -> Logger {
        var logger = Logger(label: label)
        logger.logLevel = .critical
        return logger
    }
}
