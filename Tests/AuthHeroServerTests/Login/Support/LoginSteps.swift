import AuthHeroCore
import AuthHeroTesting
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The steps of a browser login, shared by the login tests.
extension LoginTestServer {
    /// The `/authorize` path for the SPA client with PKCE and the given extra parameters.
    static func authorizePath(pkce: PKCEPair?, state: String = "xyz", _ extra: [String: String] = [:]) -> String {
        AuthHeroTesting.authorizePath(
            clientID: "spa", redirectURI: callback, pkce: pkce, state: state,
            ["nonce": "n-0S6_WzA2Mj"].merging(extra) { _, new in new })
    }

    /// Follows `/authorize` to the login page and returns the page's form.
    func openLoginPage(_ browser: Browser, tenantID: String, authorizePath: String) async throws -> HTMLForm {
        try await browser.openLoginPage(authorizePath: authorizePath, host: Self.host(tenantID))
    }

    /// Submits `form` with the credentials and returns the answer (a redirect to the callback on success).
    func submit(
        _ form: HTMLForm, _ browser: Browser, tenantID: String, email: String = "alice@example.com",
        password: String = LoginTestServer.password
    ) async throws -> TestClient.Response {
        try await browser.submit(form, host: Self.host(tenantID), email: email, password: password)
    }

    /// Logs alice (or `email`) in through the pages and returns the authorization code.
    func logInForCode(
        _ browser: Browser, tenantID: String = "alpha", pkce: PKCEPair, email: String = "alice@example.com",
        password: String = LoginTestServer.password, _ extra: [String: String] = [:]
    ) async throws -> String {
        let form = try await openLoginPage(
            browser, tenantID: tenantID, authorizePath: Self.authorizePath(pkce: pkce, extra))
        let answer = try await submit(form, browser, tenantID: tenantID, email: email, password: password)
        #expect(answer.status == .found)
        #expect(answer.location?.hasPrefix(Self.callback + "?") == true)
        #expect(answer.redirectQuery["state"] == "xyz")
        return try #require(answer.redirectQuery["code"])
    }

    /// Redeems `code` for the SPA client.
    func exchange(_ code: String, tenantID: String = "alpha", verifier: String?, redirectURI: String = callback)
        async throws -> TestClient.Response
    {
        var form = ["grant_type": "authorization_code", "client_id": "spa", "code": code, "redirect_uri": redirectURI]
        form["code_verifier"] = verifier
        return try await tokenRequest(tenantID, form: form)
    }

    /// Logs alice in and returns the token response body.
    func logInForTokens(tenantID: String = "alpha", _ extra: [String: String] = [:]) async throws -> [String: Any] {
        let pkce = PKCEPair()
        let code = try await logInForCode(browser(), tenantID: tenantID, pkce: pkce, extra)
        let response = try await exchange(code, tenantID: tenantID, verifier: pkce.verifier)
        #expect(response.status == .ok)
        return try response.json()
    }

    /// Uses a refresh token of the SPA client.
    func refresh(_ token: String, tenantID: String = "alpha", _ extra: [String: String] = [:]) async throws
        -> TestClient.Response
    {
        var form = ["grant_type": "refresh_token", "client_id": "spa", "refresh_token": token]
        form.merge(extra) { _, new in new }
        return try await tokenRequest(tenantID, form: form)
    }
}
