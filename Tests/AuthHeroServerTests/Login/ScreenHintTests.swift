import AuthHeroCore
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Auth0's `screen_hint=signup` on `/authorize`: the portal's "Sign up" button opens the sign-up page directly.
@Suite struct ScreenHintTests {
    @Test func screenHintSignupOpensTheSignUpPageAndCreatesTheAccount() async throws {
        try await LoginTestServer.run { server in
            let host = LoginTestServer.host("alpha")
            let browser = server.browser()
            let pkce = PKCEPair()
            let authorize = try await browser.get(
                LoginTestServer.authorizePath(pkce: pkce, ["screen_hint": "signup"]), host: host)
            #expect(authorize.status == .found)
            let signupPath = try #require(authorize.location)
            #expect(signupPath.hasPrefix("/u/signup?state="))
            let page = try await browser.get(signupPath, host: host)
            #expect(page.status == .ok)
            let form = try #require(HTMLForm(html: page.text))
            let created = try await server.submit(
                form, browser, tenantID: "alpha", email: "dana@example.com", password: "a long enough secret")
            #expect(created.status == .found)
            #expect(created.redirectQuery["code"] != nil)
        }
    }

    @Test func anyOtherScreenHintOpensTheLoginPage() async throws {
        try await LoginTestServer.run { server in
            for hint in ["login", "SIGNUP", "elsewhere"] {
                let authorize = try await server.browser().get(
                    LoginTestServer.authorizePath(pkce: PKCEPair(), ["screen_hint": hint]),
                    host: LoginTestServer.host("alpha"))
                #expect(authorize.location?.hasPrefix("/u/login?state=") == true, "\(hint)")
            }
        }
    }
}
