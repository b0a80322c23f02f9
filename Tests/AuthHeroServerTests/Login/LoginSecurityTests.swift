import AuthHeroCore
import AuthHeroTesting
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Attacks on the login pages and the session cookie.
@Suite struct LoginSecurityTests {
    @Test func aFormWithoutItsCSRFTokenIsRefused() async throws {
        try await LoginTestServer.run { server in
            let browser = server.browser()
            var form = try await server.openLoginPage(
                browser, tenantID: "alpha", authorizePath: LoginTestServer.authorizePath(pkce: PKCEPair()))
            form.fields["csrf_token"] = nil
            let answer = try await server.submit(form, browser, tenantID: "alpha")
            #expect(answer.status == .forbidden)
            #expect(answer.location == nil)
            #expect(answer.head.headerFields[.setCookie] == nil)
        }
    }

    @Test func aFormPostedWithoutTheCSRFCookieIsRefused() async throws {
        try await LoginTestServer.run { server in
            let form = try await server.openLoginPage(
                server.browser(), tenantID: "alpha", authorizePath: LoginTestServer.authorizePath(pkce: PKCEPair()))
            // Another browser (the victim's, in a login CSRF) has the form's fields but not the cookie.
            let answer = try await server.submit(form, server.browser(), tenantID: "alpha")
            #expect(answer.status == .forbidden)
        }
    }

    @Test func wrongPasswordAndUnknownEmailGetTheSameAnswer() async throws {
        try await LoginTestServer.run { server in
            let browser = server.browser()
            let form = try await server.openLoginPage(
                browser, tenantID: "alpha", authorizePath: LoginTestServer.authorizePath(pkce: PKCEPair()))
            let wrong = try await server.submit(form, browser, tenantID: "alpha", password: "not the password")
            let unknown = try await server.submit(form, browser, tenantID: "alpha", email: "nobody@example.com")
            #expect(wrong.status == .unauthorized)
            #expect(unknown.status == .unauthorized)
            for answer in [wrong, unknown] {
                #expect(answer.text.contains("Wrong email or password."))
            }
        }
    }

    @Test func repeatedFailuresAreThrottledEvenWithTheRightPassword() async throws {
        try await LoginTestServer.run { server in
            let browser = server.browser()
            let form = try await server.openLoginPage(
                browser, tenantID: "alpha", authorizePath: LoginTestServer.authorizePath(pkce: PKCEPair()))
            for _ in 0..<5 {
                let failed = try await server.submit(form, browser, tenantID: "alpha", password: "guess")
                #expect(failed.status == .unauthorized)
            }
            let throttled = try await server.submit(form, browser, tenantID: "alpha")
            #expect(throttled.status == .tooManyRequests)
            #expect(throttled.text.contains("Too many attempts"))
            #expect(throttled.location == nil)
        }
    }

    @Test func aSessionCookieOfOneTenantIsUselessAtAnother() async throws {
        try await LoginTestServer.run { server in
            let browser = server.browser()
            _ = try await server.logInForCode(browser, pkce: PKCEPair())
            let stolen = try #require(await browser.cookie("authhero_session", host: LoginTestServer.host("alpha")))

            let attacker = server.browser()
            for host in ["localhost:3000", LoginTestServer.host("beta")] {
                await attacker.setCookie("authhero_session", value: stolen, host: host)
                let answer = try await attacker.get(
                    LoginTestServer.authorizePath(pkce: PKCEPair(), ["prompt": "none"]), host: host)
                #expect(answer.redirectQuery["error"] == "login_required")
                #expect(answer.redirectQuery["code"] == nil)
            }
            // The same cookie is live at its own tenant, so the refusals above are the tenant binding at work.
            await attacker.setCookie("authhero_session", value: stolen, host: LoginTestServer.host("alpha"))
            let home = try await attacker.get(
                LoginTestServer.authorizePath(pkce: PKCEPair(), ["prompt": "none"]), host: LoginTestServer.host("alpha")
            )
            #expect(home.redirectQuery["code"] != nil)
        }
    }

    @Test func theSessionCookieIsHostOnlyAndHttpOnly() async throws {
        try await LoginTestServer.run { server in
            let browser = server.browser()
            let form = try await server.openLoginPage(
                browser, tenantID: "alpha", authorizePath: LoginTestServer.authorizePath(pkce: PKCEPair()))
            let answer = try await server.submit(form, browser, tenantID: "alpha")
            let cookie = try #require(
                answer.head.headerFields[values: .setCookie].first { $0.hasPrefix("authhero_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(!cookie.lowercased().contains("domain="))
        }
    }

    @Test func logoutWithAForeignReturnToIsRefused() async throws {
        try await LoginTestServer.run { server in
            let browser = server.browser()
            let host = LoginTestServer.host("alpha")
            _ = try await server.logInForCode(browser, pkce: PKCEPair())
            let answer = try await browser.get(
                "/v2/logout?" + FormEncoding.encode(["client_id": "spa", "returnTo": "https://evil.example/"]),
                host: host)
            #expect(answer.status == .badRequest)
            #expect(answer.location == nil)
            #expect(answer.text.contains("not an allowed logout URL"))
        }
    }
}
