import AuthHeroCore
import AuthHeroServer
import AuthHeroSQLite
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import {{module_name}}

/// A real server on 127.0.0.1 (port 0) over a real SQLite file in a temporary folder: either freshly seeded by the
/// app's own seed (administrator ``adminEmail`` / ``adminPassword``), or a copy of the database create-authhero
/// wrote into `data/`. Tenants' rows are laid out as `STORAGE` says (default `{{isolation}}`), so CI runs the same
/// tests once per layout: `STORAGE=database-per-tenant swift test`.
struct TestControlPlane {
    static let baseURL = "http://localhost:{{port}}/"
    static let adminEmail = "{{admin_email}}"
    static let adminPassword = "test-admin-password-1"
    /// The database generated with the project (git-ignored, so absent in a fresh clone).
    static let generatedDatabase = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("data/control-plane.sqlite")

    let port: Int
    let runtime: ControlPlaneRuntime
    /// The control plane's file (tenant files, if any, sit in `tenants/` beside it).
    let databasePath: String
    /// What the seed made (nil when the server runs on a copy of the generated database).
    let seed: ControlPlaneSeedResult?

    /// Starts a server, runs `body` against it, and stops it. With `copyingGeneratedDatabase`, the server runs on
    /// a copy of `data/control-plane.sqlite`; otherwise on a fresh database seeded like `{{module_name}} seed`.
    static func run(
        copyingGeneratedDatabase: Bool = false, _ body: @Sendable (TestControlPlane) async throws -> Void
    ) async throws {
        let folder = try TemporaryFolder(prefix: "{{name_kebab}}")
        defer { folder.remove() }
        let path = folder.path("control-plane.sqlite")
        if copyingGeneratedDatabase {
            try FileManager.default.copyItem(atPath: generatedDatabase.path, toPath: path)
        }
        // The lowest bcrypt cost keeps the tests fast; the app keeps the default.
        let runtime = try ControlPlaneRuntime.open(
            strategy: try strategy(databasePath: path), baseURL: baseURL, development: true,
            passwordHasher: PasswordHasher(cost: 4))
        var seed: ControlPlaneSeedResult?
        if !copyingGeneratedDatabase {
            seed = try await ControlPlaneSeed(
                storage: runtime.storage, keys: runtime.services.keys, clock: runtime.services.clock
            ).run(
                ControlPlaneSeedSettings(
                    baseURL: baseURL, adminEmail: adminEmail, adminPassword: adminPassword,
                    passwordHasher: PasswordHasher(cost: 4)))
        }
        _ = try await runtime.services.tenantProvisioner.reconcile()

        let seeded = seed
        try await withRunningServer { onServerRunning in
            AuthHeroApplication.make(
                services: runtime.services, hostname: "127.0.0.1", port: 0, onServerRunning: onServerRunning)
        } _: { port in
            try await body(TestControlPlane(port: port, runtime: runtime, databasePath: path, seed: seeded))
        }
    }

    /// The layout under test: `STORAGE` from the environment, else the one chosen at generation.
    static func strategy(databasePath: String) throws -> StorageStrategy {
        var environment = ProcessInfo.processInfo.environment
        environment["STORAGE"] = environment["STORAGE"] ?? "{{isolation}}"
        return try StorageStrategy(environment: environment, databasePath: databasePath)
    }

    /// The `Host` of a tenant (the base host for the control plane).
    static func host(_ tenantID: String = ControlPlane.tenantID) -> String {
        tenantID == ControlPlane.tenantID ? "localhost:{{port}}" : "\(tenantID).localhost:{{port}}"
    }

    /// A browser with an empty cookie jar talking to this server.
    func browser() -> Browser { Browser(port: port) }

    /// Posts a form to `/oauth/token` of `tenantID`.
    func tokenRequest(_ form: [String: String], tenantID: String = ControlPlane.tenantID) async throws -> TestClient.Response {
        try await browser().post("/oauth/token", host: Self.host(tenantID), form: form)
    }

    /// A client-credentials token of the seeded Backend Sample client.
    func backendSampleToken(audience: String) async throws -> TestClient.Response {
        let seed = try #require(seed)
        return try await tokenRequest([
            "grant_type": "client_credentials", "client_id": seed.backendSampleClientID,
            "client_secret": try #require(seed.backendSampleClientSecret), "audience": audience,
        ])
    }
}
