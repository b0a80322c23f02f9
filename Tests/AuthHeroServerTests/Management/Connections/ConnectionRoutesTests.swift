import AuthHeroCore
import AuthHeroServer
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `/api/v2/connections`: listing and reading connections, and the database connection's sign-up switch and
/// password policy, checked end to end at `/u/signup`.
@Suite(.serialized) struct ConnectionRoutesTests {
    private static func run(_ body: @Sendable (ManagementFixture) async throws -> Void) async throws {
        try await LoginTestServer.run { server in try await body(try await ManagementFixture.seed(server)) }
    }

    /// The sign-up form of alpha, reached from the login page.
    private static func signupForm(_ server: LoginTestServer, _ browser: Browser) async throws
        -> (path: String, loginForm: HTMLForm, page: TestClient.Response)
    {
        let loginForm = try await server.openLoginPage(
            browser, tenantID: "alpha", authorizePath: LoginTestServer.authorizePath(pkce: PKCEPair()))
        let path = loginForm.action.replacingOccurrences(of: "/u/login", with: "/u/signup")
        return (path, loginForm, try await browser.get(path, host: LoginTestServer.host("alpha")))
    }

    @Test func connectionsAreListedFilteredAndRead() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            let listed = try ManagementFixture.array(
                try await fixture.send(.get, "/api/v2/connections", token: token, tenant: "alpha"))
            #expect(listed.count == 1)
            let connection = try #require(listed.first)
            #expect(connection["id"] as? String == "con_db")
            #expect(connection["name"] as? String == "Username-Password-Authentication")
            #expect(connection["strategy"] as? String == "auth0")
            let options = try #require(connection["options"] as? [String: Any])
            #expect(options["disable_signup"] as? Bool == false)
            #expect((options["password_complexity_options"] as? [String: Int])?["min_length"] == 8)
            #expect(options["passwordPolicy"] == nil)

            let byStrategy = try await fixture.send(
                .get, "/api/v2/connections?strategy=auth0&include_totals=true", token: token, tenant: "alpha")
            #expect(try byStrategy.json()["total"] as? Int == 1)
            let otherStrategy = try await fixture.send(
                .get, "/api/v2/connections?strategy=google-oauth2", token: token, tenant: "alpha")
            #expect(try ManagementFixture.array(otherStrategy).isEmpty)
            let byName = try await fixture.send(
                .get, "/api/v2/connections?name=Username-Password-Authentication", token: token, tenant: "alpha")
            #expect(try ManagementFixture.array(byName).count == 1)
            let read = try await fixture.send(.get, "/api/v2/connections/con_db", token: token, tenant: "alpha")
            #expect(read.status == .ok)
            #expect(try read.json()["name"] as? String == "Username-Password-Authentication")
            try ManagementFixture.expectRefused(
                try await fixture.send(.get, "/api/v2/connections/con_nope", token: token, tenant: "alpha"), .notFound,
                "inexistent_connection")
        }
    }

    @Test func disablingSignUpClosesTheSignUpPage() async throws {
        try await Self.run { fixture in
            let server = fixture.server
            #expect(try await Self.signupForm(server, server.browser()).page.status == .ok)
            let token = try await fixture.managerToken()
            let patched = try await fixture.send(
                .patch, "/api/v2/connections/con_db", token: token, tenant: "alpha",
                json: #"{"options":{"disable_signup":true}}"#)
            #expect(patched.status == .ok)
            #expect((try patched.json()["options"] as? [String: Any])?["disable_signup"] as? Bool == true)
            let browser = server.browser()
            let (path, loginForm, page) = try await Self.signupForm(server, browser)
            #expect(page.status == .forbidden)
            #expect(page.text.contains("Sign-up is disabled"))
            var fields = loginForm.fields
            fields["email"] = "mallory@example.com"
            fields["password"] = "a long enough secret"
            let posted = try await browser.post(path, host: LoginTestServer.host("alpha"), form: fields)
            #expect(posted.status == .forbidden)
            #expect(
                try await server.services.storage.user(
                    email: "mallory@example.com", connection: "Username-Password-Authentication", tenantID: "alpha")
                    == nil)
            let events = try await fixture.auditEvents("alpha", action: "connection.updated")
            #expect(events.map(\.target) == ["con_db"])
            #expect(events.first?.details["disable_signup"] == "true")
            #expect(try await server.services.storage.connection(id: "con_db", tenantID: "beta")?.options == [:])
        }
    }

    @Test func thePasswordPolicyAppliesAtSignUp() async throws {
        try await Self.run { fixture in
            let server = fixture.server
            let token = try await fixture.managerToken()
            let patched = try await fixture.send(
                .patch, "/api/v2/connections/con_db", token: token, tenant: "alpha",
                json: #"{"options":{"passwordPolicy":"excellent","password_complexity_options":{"min_length":12}}}"#)
            #expect(patched.status == .ok)
            let options = try #require(try patched.json()["options"] as? [String: Any])
            #expect(options["passwordPolicy"] as? String == "excellent")
            #expect((options["password_complexity_options"] as? [String: Int])?["min_length"] == 12)

            let browser = server.browser()
            let (_, _, page) = try await Self.signupForm(server, browser)
            let form = try #require(HTMLForm(html: page.text))
            for weak in ["Sh0rt!pass", "all lowercase letters", "Aaaa1111!!!!xyz"] {
                let answer = try await server.submit(
                    form, browser, tenantID: "alpha", email: "dave@example.com", password: weak)
                #expect(answer.status == .badRequest, "\(weak)")
            }
            let strong = try await server.submit(
                form, browser, tenantID: "alpha", email: "dave@example.com", password: "Correct-Horse-9")
            #expect(strong.status == .found)

            let cleared = try await fixture.send(
                .patch, "/api/v2/connections/con_db", token: token, tenant: "alpha",
                json: #"{"options":{"password_policy":null,"password_complexity_options":{"min_length":null}}}"#)
            #expect(cleared.status == .ok)
            let clearedOptions = try #require(try cleared.json()["options"] as? [String: Any])
            #expect(clearedOptions["passwordPolicy"] == nil)
            #expect((clearedOptions["password_complexity_options"] as? [String: Int])?["min_length"] == 8)
            #expect(try await server.services.storage.connection(id: "con_db", tenantID: "alpha")?.options == [:])
        }
    }

    @Test func malformedPatchesAreRefusedAndChangeNothing() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            for body in [
                "nope", "[]", #"{"name":"Renamed"}"#, #"{"options":{"disable_signup":"yes"}}"#,
                #"{"options":{"requires_username":true}}"#, #"{"options":{"passwordPolicy":"strong"}}"#,
                #"{"options":{"passwordPolicy":3}}"#, #"{"options":{"password_complexity_options":{"min_length":0}}}"#,
                #"{"options":{"password_complexity_options":{"min_length":100}}}"#,
                #"{"options":{"password_complexity_options":{"min_length":"8"}}}"#,
                #"{"options":{"password_complexity_options":{"max_length":8}}}"#,
                #"{"options":{"passwordPolicy":"good","password_policy":"low"}}"#, #"{"options":[]}"#,
            ] {
                try ManagementFixture.expectRefused(
                    try await fixture.send(
                        .patch, "/api/v2/connections/con_db", token: token, tenant: "alpha", json: body),
                    .badRequest, "invalid_body")
            }
            #expect(
                try await fixture.server.services.storage.connection(id: "con_db", tenantID: "alpha")?.options == [:])
            #expect(try await fixture.auditEvents("alpha", action: "connection.updated").isEmpty)
        }
    }

    @Test func scopesAndTenantsAreEnforced() async throws {
        try await Self.run { fixture in
            let storage = fixture.server.services.storage
            let reader = try await fixture.readerToken()
            for (method, path, json) in [
                (HTTPRequest.Method.get, "/api/v2/connections", nil), (.get, "/api/v2/connections/con_db", nil),
                (.patch, "/api/v2/connections/con_db", #"{"options":{"disable_signup":true}}"#),
            ] as [(HTTPRequest.Method, String, String?)] {
                try ManagementFixture.expectRefused(
                    try await fixture.send(method, path, token: reader, tenant: "alpha", json: json), .forbidden,
                    "insufficient_scope")
            }
            let manager = try await fixture.managerToken()
            try ManagementFixture.expectRefused(
                try await fixture.send(
                    .patch, "/api/v2/connections/con_db", token: manager, tenant: "beta",
                    json: #"{"options":{"disable_signup":true}}"#),
                .forbidden, "forbidden_tenant")
            try await storage.createConnection(
                Connection(tenantID: "beta", id: "con_beta_only", name: "Beta-Users"), tenantID: "beta")
            try ManagementFixture.expectRefused(
                try await fixture.send(
                    .patch, "/api/v2/connections/con_beta_only", token: manager, tenant: "alpha",
                    json: #"{"options":{"disable_signup":true}}"#),
                .notFound, "inexistent_connection")
            #expect(try await storage.connection(id: "con_beta_only", tenantID: "beta")?.options == [:])
            #expect(try await storage.connection(id: "con_db", tenantID: "beta")?.options == [:])
            #expect(try await storage.connection(id: "con_db", tenantID: "alpha")?.options == [:])
        }
    }
}
