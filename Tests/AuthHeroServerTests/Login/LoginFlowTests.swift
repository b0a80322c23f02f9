import AuthHeroCore
import AuthHeroServer
import AuthHeroTesting
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The authorization code flow with PKCE through the login and sign-up pages, driven like a browser.
@Suite struct LoginFlowTests {
    @Test func codeWithPKCEThroughTheLoginFormGivesAccessIDAndRefreshTokens() async throws {
        try await LoginTestServer.run { server in
            let body = try await server.logInForTokens(["audience": LoginTestServer.audience])
            #expect(body["token_type"] as? String == "Bearer")
            #expect(body["expires_in"] as? Int == 600)
            #expect(body["refresh_token"] is String)

            let idToken = try jwtClaims(try #require(body["id_token"] as? String))
            #expect(idToken["iss"] as? String == "http://alpha.localhost:3000/")
            #expect(idToken["sub"] as? String == server.alice["alpha"])
            #expect(idToken["aud"] as? String == "spa")
            #expect(idToken["nonce"] as? String == "n-0S6_WzA2Mj")
            #expect(idToken["email"] as? String == "alice@example.com")
            #expect(idToken["org_id"] == nil)

            let access = try jwtClaims(try #require(body["access_token"] as? String))
            #expect(access["aud"] as? String == LoginTestServer.audience)
            #expect(access["sub"] as? String == server.alice["alpha"])
            #expect(access["client_id"] as? String == "spa")
            #expect(access["permissions"] as? [String] == ["read:data"])
        }
    }

    @Test func theLoginPageIsProtectedAgainstFramingAndCarriesACSRFToken() async throws {
        try await LoginTestServer.run { server in
            let browser = server.browser()
            let host = LoginTestServer.host("alpha")
            let authorize = try await browser.get(LoginTestServer.authorizePath(pkce: PKCEPair()), host: host)
            let page = try await browser.get(try #require(authorize.location), host: host)
            let policy = try #require(page.head.headerFields[.contentSecurityPolicy])
            #expect(policy.contains("frame-ancestors 'none'"))
            let form = try #require(HTMLForm(html: page.text))
            let token = try #require(form.fields["csrf_token"])
            #expect(token.count >= 43)
            #expect(await browser.cookie("authhero_csrf", host: host) == token)
        }
    }

    @Test func signUpThenLogInAgain() async throws {
        try await LoginTestServer.run { server in
            let host = LoginTestServer.host("alpha")
            let browser = server.browser()
            let pkce = PKCEPair()
            let loginForm = try await server.openLoginPage(
                browser, tenantID: "alpha", authorizePath: LoginTestServer.authorizePath(pkce: pkce))
            let signupPage = try await browser.get(
                loginForm.action.replacingOccurrences(of: "/u/login", with: "/u/signup"), host: host)
            #expect(signupPage.status == .ok)
            let signupForm = try #require(HTMLForm(html: signupPage.text))
            #expect(signupForm.action.hasPrefix("/u/signup"))

            let weak = try await server.submit(
                signupForm, browser, tenantID: "alpha", email: "carol@example.com", password: "short")
            #expect(weak.status == .badRequest)
            #expect(weak.text.contains("at least 8 characters"))

            let created = try await server.submit(
                signupForm, browser, tenantID: "alpha", email: "carol@example.com", password: "a long enough secret")
            #expect(created.status == .found)
            let code = try #require(created.redirectQuery["code"])
            let tokens = try await server.exchange(code, verifier: pkce.verifier).json()
            let carolIDToken = try #require(tokens["id_token"] as? String)
            let carol = try #require(try jwtClaims(carolIDToken)["sub"] as? String)
            #expect(carol.hasPrefix("auth0|"))

            let again = PKCEPair()
            let secondCode = try await server.logInForCode(
                server.browser(), pkce: again, email: "carol@example.com", password: "a long enough secret")
            let second = try await server.exchange(secondCode, verifier: again.verifier).json()
            let secondIDToken = try #require(second["id_token"] as? String)
            #expect(try jwtClaims(secondIDToken)["sub"] as? String == carol)
        }
    }

    @Test func signUpWithTheEmailAsPasswordIsRefused() async throws {
        try await LoginTestServer.run { server in
            let browser = server.browser()
            let host = LoginTestServer.host("alpha")
            let loginForm = try await server.openLoginPage(
                browser, tenantID: "alpha", authorizePath: LoginTestServer.authorizePath(pkce: PKCEPair()))
            let page = try await browser.get(
                loginForm.action.replacingOccurrences(of: "/u/login", with: "/u/signup"), host: host)
            let form = try #require(HTMLForm(html: page.text))
            let answer = try await server.submit(
                form, browser, tenantID: "alpha", email: "dave@example.com", password: "dave@example.com")
            #expect(answer.status == .badRequest)
            #expect(answer.text.contains("must not be your email address"))
        }
    }

    @Test func aLiveSessionAnswersTheNextAuthorizeWithoutTheLoginPage() async throws {
        try await LoginTestServer.run { server in
            let browser = server.browser()
            _ = try await server.logInForCode(browser, pkce: PKCEPair())
            let pkce = PKCEPair()
            let silent = try await browser.get(
                LoginTestServer.authorizePath(pkce: pkce, ["prompt": "none"]), host: LoginTestServer.host("alpha"))
            #expect(silent.status == .found)
            let code = try #require(silent.redirectQuery["code"])
            #expect(try await server.exchange(code, verifier: pkce.verifier).status == .ok)
        }
    }

    @Test func promptLoginShowsTheLoginPageDespiteALiveSession() async throws {
        try await LoginTestServer.run { server in
            let browser = server.browser()
            _ = try await server.logInForCode(browser, pkce: PKCEPair())
            let answer = try await browser.get(
                LoginTestServer.authorizePath(pkce: PKCEPair(), ["prompt": "login"]),
                host: LoginTestServer.host("alpha"))
            #expect(answer.status == .found)
            #expect(answer.location?.hasPrefix("/u/login?state=") == true)
        }
    }

    @Test func signUpCanBeDisabledPerConnection() async throws {
        try await LoginTestServer.run(connectionOptions: ["disable_signup": "true"]) { server in
            let browser = server.browser()
            let host = LoginTestServer.host("alpha")
            let loginForm = try await server.openLoginPage(
                browser, tenantID: "alpha", authorizePath: LoginTestServer.authorizePath(pkce: PKCEPair()))
            let signupPath = loginForm.action.replacingOccurrences(of: "/u/login", with: "/u/signup")
            let page = try await browser.get(signupPath, host: host)
            #expect(page.status == .forbidden)
            #expect(page.text.contains("Sign-up is disabled"))

            var fields = loginForm.fields
            fields["email"] = "mallory@example.com"
            fields["password"] = "a long enough secret"
            let posted = try await browser.post(signupPath, host: host, form: fields)
            #expect(posted.status == .forbidden)
            #expect(posted.location == nil)
            let user = try await server.services.storage.user(
                email: "mallory@example.com", connection: "Username-Password-Authentication", tenantID: "alpha")
            #expect(user == nil)
        }
    }

    @Test func promptNoneWithoutASessionIsLoginRequired() async throws {
        try await LoginTestServer.run { server in
            let answer = try await server.browser().get(
                LoginTestServer.authorizePath(pkce: PKCEPair(), ["prompt": "none"]), host: LoginTestServer.host("alpha")
            )
            #expect(answer.status == .found)
            #expect(answer.location?.hasPrefix(LoginTestServer.callback) == true)
            #expect(answer.redirectQuery["error"] == "login_required")
            #expect(answer.redirectQuery["state"] == "xyz")
            #expect(answer.redirectQuery["code"] == nil)
        }
    }

    @Test func webMessagePostsToTheExactRedirectOriginOnly() async throws {
        try await LoginTestServer.run { server in
            let answer = try await server.browser().get(
                LoginTestServer.authorizePath(pkce: PKCEPair(), ["prompt": "none", "response_mode": "web_message"]),
                host: LoginTestServer.host("alpha"))
            #expect(answer.status == .ok)
            let script = try #require(HTMLForm.tags(named: "script", in: answer.text).first)
            #expect(script["data-origin"] == LoginTestServer.appOrigin)
            let response =
                try JSONSerialization.jsonObject(with: Data(try #require(script["data-response"]).utf8))
                as? [String: String]
            #expect(response == ["error": "login_required", "error_description": "Login required", "state": "xyz"])
            #expect(!answer.text.contains("\"*\""))
            #expect(answer.text.contains("authorization_response"))
            let policy = try #require(answer.head.headerFields[.contentSecurityPolicy])
            #expect(policy.contains("frame-ancestors \(LoginTestServer.appOrigin)"))
        }
    }

    @Test func silentAuthenticationByWebMessageDeliversACodeFromTheSession() async throws {
        try await LoginTestServer.run { server in
            let browser = server.browser()
            _ = try await server.logInForCode(browser, pkce: PKCEPair())
            let pkce = PKCEPair()
            let answer = try await browser.get(
                LoginTestServer.authorizePath(pkce: pkce, ["prompt": "none", "response_mode": "web_message"]),
                host: LoginTestServer.host("alpha"))
            let script = try #require(HTMLForm.tags(named: "script", in: answer.text).first)
            #expect(script["data-origin"] == LoginTestServer.appOrigin)
            let json = Data(try #require(script["data-response"]).utf8)
            let response = try #require(try JSONSerialization.jsonObject(with: json) as? [String: String])
            #expect(response["state"] == "xyz")
            let code = try #require(response["code"])
            #expect(try await server.exchange(code, verifier: pkce.verifier).status == .ok)
        }
    }

    @Test func apiScopesBeyondTheUsersPermissionsAreDropped() async throws {
        try await LoginTestServer.run { server in
            let tokens = try await server.logInForTokens(
                ["audience": LoginTestServer.audience, "scope": "openid read:data write:data"])
            let access = try jwtClaims(try #require(tokens["access_token"] as? String))
            #expect(access["scope"] as? String == "openid read:data")
            #expect(access["permissions"] as? [String] == ["read:data"])
        }
    }

    @Test func logoutEndsTheSessionAndReturnsToAnAllowedURL() async throws {
        try await LoginTestServer.run { server in
            let browser = server.browser()
            let host = LoginTestServer.host("alpha")
            _ = try await server.logInForCode(browser, pkce: PKCEPair())
            let logout = try await browser.get(
                "/v2/logout?" + FormEncoding.encode(["client_id": "spa", "returnTo": LoginTestServer.logoutURL]),
                host: host)
            #expect(logout.status == .found)
            #expect(logout.location == LoginTestServer.logoutURL)
            let silent = try await browser.get(
                LoginTestServer.authorizePath(pkce: PKCEPair(), ["prompt": "none"]), host: host)
            #expect(silent.redirectQuery["error"] == "login_required")
        }
    }

    @Test func userinfoAnswersForAUserAccessToken() async throws {
        try await LoginTestServer.run { server in
            let tokens = try await server.logInForTokens()
            let accessToken = try #require(tokens["access_token"] as? String)
            let answer = try await server.browser().get(
                "/userinfo", host: LoginTestServer.host("alpha"), headers: [.authorization: "Bearer \(accessToken)"])
            #expect(answer.status == .ok)
            let claims = try answer.json()
            #expect(claims["sub"] as? String == server.alice["alpha"])
            #expect(claims["email"] as? String == "alice@example.com")

            let foreign = try await server.browser().get(
                "/userinfo", host: LoginTestServer.host("beta"), headers: [.authorization: "Bearer \(accessToken)"])
            #expect(foreign.status == .unauthorized)
        }
    }
}
