import AuthHeroCore
import AuthHeroPostgres
import AuthHeroTesting
import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import PostgresNIO
import Testing

/// Two `authhero-dev` processes on one PostgreSQL database, as behind a load balancer: every step of a login lands
/// on the other process than the step before, and the login, the code and the refresh token work across them.
/// Needs the server `Scripts/with-postgres.sh` starts; skipped without it (failing with `AUTHHERO_REQUIRE_POSTGRES=1`).
@Suite(.serialized) struct TwoProcessTests {
    private static let tenant = "coffee-shop"
    /// The public address both processes serve under, as a load balancer's would be.
    private static let baseURL = "http://localhost:3000/"
    private static let host = "\(tenant).localhost:3000"
    private static let password = "correct horse battery staple"
    private static let api = "https://api.two-processes.example"

    @Test(.timeLimit(.minutes(10))) func aLoginStartedOnOneProcessFinishesOnTheOther() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard let ownerURL = environment["POSTGRES_URL"], let serverURL = environment["POSTGRES_SERVER_URL"] else {
            let missing = "PostgreSQL is not configured: run the tests under Scripts/with-postgres.sh"
            if environment["AUTHHERO_REQUIRE_POSTGRES"] == "1" {
                Issue.record(Comment(rawValue: missing + " (AUTHHERO_REQUIRE_POSTGRES=1)"))
                return
            }
            try Test.cancel(Comment(rawValue: missing))
        }
        let first = try await DevServerProcess.start(
            baseURL: Self.baseURL, tenant: Self.tenant, host: Self.host, databaseURL: serverURL, migrateURL: ownerURL)
        defer { first.stop() }
        try await Self.seed(serverURL)
        let second = try await DevServerProcess.start(
            baseURL: Self.baseURL, tenant: Self.tenant, host: Self.host, databaseURL: serverURL, migrateURL: nil)
        defer { second.stop() }

        let browser = Browser(port: first.port)
        let pkce = PKCEPair()
        let authorize = try await browser.get(
            LoginTestServer.authorizePath(pkce: pkce, ["audience": Self.api]), host: Self.host)
        #expect(authorize.status == .found)
        let loginPath = try #require(authorize.location)

        await browser.move(to: second.port)
        let page = try await browser.get(loginPath, host: Self.host)
        #expect(page.status == .ok)
        var form = try #require(HTMLForm(html: page.text))
        form.fields["email"] = "alice@example.com"
        form.fields["password"] = Self.password

        await browser.move(to: first.port)
        let answer = try await browser.post(form.action, host: Self.host, form: form.fields)
        #expect(answer.status == .found)
        #expect(answer.redirectQuery["state"] == "xyz")
        let code = try #require(answer.redirectQuery["code"])

        await browser.move(to: second.port)
        let exchange = [
            "grant_type": "authorization_code", "client_id": "spa", "code": code,
            "redirect_uri": LoginTestServer.callback, "code_verifier": pkce.verifier,
        ]
        let tokens = try await browser.post("/oauth/token", host: Self.host, form: exchange)
        #expect(tokens.status == .ok, "\(tokens.text)")
        let issued: [String: Any] = try tokens.json()
        let refreshToken = try #require(issued["refresh_token"] as? String)

        await browser.move(to: first.port)
        let refreshed = try await browser.post(
            "/oauth/token", host: Self.host,
            form: ["grant_type": "refresh_token", "client_id": "spa", "refresh_token": refreshToken])
        #expect(refreshed.status == .ok, "\(refreshed.text)")
        let renewed: [String: Any] = try refreshed.json()
        let claims = try jwtClaims(try #require(renewed["access_token"] as? String))
        #expect(claims["iss"] as? String == "http://\(Self.host)/")
        #expect(claims["sub"] as? String == "auth0|alice")

        // The code once more, at the other process: refused, and the tokens issued from it are revoked everywhere.
        await browser.move(to: second.port)
        let replay = try await browser.post("/oauth/token", host: Self.host, form: exchange)
        #expect(replay.status == .badRequest)
        #expect(try replay.json()["error"] as? String == "invalid_grant")
        await browser.move(to: first.port)
        let afterReplay = try await browser.post(
            "/oauth/token", host: Self.host,
            form: [
                "grant_type": "refresh_token", "client_id": "spa",
                "refresh_token": try #require(renewed["refresh_token"] as? String),
            ])
        #expect(afterReplay.status == .badRequest)
        #expect(try afterReplay.json()["error"] as? String == "invalid_grant")
    }

    /// What the login needs in the tenant the first process seeded: its database connection, the SPA client, an API
    /// that allows refresh tokens, and alice. Idempotent, so the suite can run twice on one cluster.
    private static func seed(_ url: String) async throws {
        let logger = Logger(label: "two-process-tests")
        let client = PostgresClient(
            configuration: try DatabaseURL(url).clientConfiguration(poolSize: 2), backgroundLogger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            let storage = PostgresStorage(client: client, logger: logger)
            if try await storage.connections(tenantID: tenant).isEmpty {
                try await storage.createConnection(
                    Connection(tenantID: tenant, id: "con_db", name: "Username-Password-Authentication"),
                    tenantID: tenant)
            }
            if try await storage.client("spa", tenantID: tenant) == nil {
                _ = try await ClientRegistrar(clients: storage, clock: SystemClock()).register(
                    tenantID: tenant, name: "Coffee SPA", appType: .spa, clientID: "spa",
                    callbacks: [LoginTestServer.callback], webOrigins: [LoginTestServer.appOrigin])
            }
            if try await storage.resourceServer(identifier: api, tenantID: tenant) == nil {
                try await storage.createResourceServer(
                    ResourceServer(
                        tenantID: tenant, id: "rs_two_processes", identifier: api, name: "API",
                        allowOfflineAccess: true),
                    tenantID: tenant)
            }
            if try await storage.user("auth0|alice", tenantID: tenant) == nil {
                try await storage.createUser(
                    User(
                        tenantID: tenant, id: "auth0|alice", connection: "Username-Password-Authentication",
                        email: "alice@example.com", emailVerified: true,
                        passwordHash: PasswordHasher(cost: 4).hash(password), createdAt: Date()),
                    tenantID: tenant)
            }
            group.cancelAll()
        }
    }
}
