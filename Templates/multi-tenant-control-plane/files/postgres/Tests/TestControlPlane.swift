import AuthHeroCore
import AuthHeroPostgres
import AuthHeroServer
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import {{module_name}}

/// A real server on 127.0.0.1 (port 0) over the PostgreSQL database `TEST_DATABASE_URL` names, each test in a fresh
/// registry schema of its own (`t_<random>`, its tenants' schemas prefixed by it), freshly seeded by the app's own
/// seed (administrator ``adminEmail`` / ``adminPassword``). `TEST_MIGRATE_DATABASE_URL`, when set, is the tables'
/// owner that migrates, and the server then connects as `TEST_DATABASE_URL`'s role with the row-level-security checks
/// `serve` makes. Tenants' rows are laid out as `STORAGE` says (default `{{postgres_storage}}`).
///
/// Without `TEST_DATABASE_URL` these tests are cancelled (reported, not run); with `AUTHHERO_REQUIRE_POSTGRES=1` they
/// fail instead, so a CI job that provides PostgreSQL cannot pass without it. Point the variable at a throwaway
/// database: the test schemas are left there.
struct TestControlPlane {
    static let baseURL = "http://localhost:{{port}}/"
    static let adminEmail = "{{admin_email}}"
    static let adminPassword = "test-admin-password-1"
    /// A database generated with the project; on PostgreSQL there is none, so tests of it do not run.
    static let generatedDatabase = URL(fileURLWithPath: "/nonexistent/control-plane.sqlite")

    let port: Int
    let runtime: ControlPlaneRuntime
    /// The database, for messages.
    let databasePath: String
    /// What the seed made.
    let seed: ControlPlaneSeedResult?

    /// Starts a server on a fresh schema, runs `body` against it, and stops it.
    static func run(
        copyingGeneratedDatabase: Bool = false, _ body: @Sendable (TestControlPlane) async throws -> Void
    ) async throws {
        let environment = AppEnvironment(values: ProcessInfo.processInfo.environment)
        guard let url = environment["TEST_DATABASE_URL"] else {
            if environment["AUTHHERO_REQUIRE_POSTGRES"] == "1" {
                Issue.record("AUTHHERO_REQUIRE_POSTGRES=1 but TEST_DATABASE_URL names no PostgreSQL database")
                return
            }
            try Test.cancel("set TEST_DATABASE_URL to a throwaway PostgreSQL database to run this test")
        }
        var values = environment.values
        values["STORAGE"] = environment["STORAGE"] ?? "{{postgres_storage}}"
        values["MIGRATE_DATABASE_URL"] = environment["TEST_MIGRATE_DATABASE_URL"]
        let database = try PostgresDatabase(environment: AppEnvironment(values: values), databaseURL: url, storage: nil)
        let schema = "t_" + RandomToken.make(byteCount: 6).lowercased().filter { $0.isLetter || $0.isNumber }
        // The lowest bcrypt cost keeps the tests fast; the app keeps the default.
        let runtime = try await ControlPlaneRuntime.open(
            database: database, migrator: database.owner ?? database.server, baseURL: baseURL, development: true,
            passwordHasher: PasswordHasher(cost: 4), schema: schema, verifyingRoles: database.owner != nil)
        defer { runtime.connections.cancel() }
        let seed = try await ControlPlaneSeed(
            storage: runtime.storage, keys: runtime.services.keys, clock: runtime.services.clock
        ).run(
            ControlPlaneSeedSettings(
                baseURL: baseURL, adminEmail: adminEmail, adminPassword: adminPassword,
                passwordHasher: PasswordHasher(cost: 4)))
        _ = try await runtime.services.tenantProvisioner.reconcile()

        try await withRunningServer { onServerRunning in
            AuthHeroApplication.make(
                services: runtime.services, hostname: "127.0.0.1", port: 0, onServerRunning: onServerRunning)
        } _: { port in
            try await body(
                TestControlPlane(port: port, runtime: runtime, databasePath: database.description, seed: seed))
        }
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
