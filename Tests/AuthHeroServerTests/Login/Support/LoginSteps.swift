import AuthHeroCore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// A PKCE verifier and its S256 challenge.
struct PKCEPair {
    let verifier: String
    let challenge: String

    init() {
        verifier = RandomToken.make(byteCount: 32)
        challenge = PKCE.challengeFor(verifier: verifier)
    }
}

/// The steps of a browser login, shared by the login tests.
extension LoginTestServer {
    /// The `/authorize` path for the SPA client with PKCE and the given extra parameters.
    static func authorizePath(pkce: PKCEPair?, state: String = "xyz", _ extra: [String: String] = [:]) -> String {
        var parameters = [
            "client_id": "spa", "redirect_uri": callback, "response_type": "code", "state": state,
            "scope": "openid profile email offline_access", "nonce": "n-0S6_WzA2Mj",
        ]
        if let pkce {
            parameters["code_challenge"] = pkce.challenge
            parameters["code_challenge_method"] = "S256"
        }
        parameters.merge(extra) { _, new in new }
        return "/authorize?" + FormEncoding.encode(parameters.filter { !$0.value.isEmpty })
    }

    /// Follows `/authorize` to the login page and returns the page's form.
    func openLoginPage(_ browser: Browser, tenantID: String, authorizePath: String) async throws -> HTMLForm {
        let host = Self.host(tenantID)
        let authorize = try await browser.get(authorizePath, host: host)
        #expect(authorize.status == .found)
        let loginPath = try #require(authorize.location)
        #expect(loginPath.hasPrefix("/u/login?state="))
        let page = try await browser.get(loginPath, host: host)
        #expect(page.status == .ok)
        return try #require(HTMLForm(html: page.text))
    }

    /// Submits `form` with the credentials and returns the answer (a redirect to the callback on success).
    func submit(
        _ form: HTMLForm, _ browser: Browser, tenantID: String, email: String = "alice@example.com",
        password: String = LoginTestServer.password
    ) async throws -> TestClient.Response {
        var fields = form.fields
        fields["email"] = email
        fields["password"] = password
        return try await browser.post(form.action, host: Self.host(tenantID), form: fields)
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

/// The decoded payload of a compact JWS, without checking anything.
func jwtClaims(_ token: String) throws -> [String: Any] {
    let parts = token.split(separator: ".").map(String.init)
    guard parts.count == 3 else { return [:] }
    var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
    return try JSONSerialization.jsonObject(with: Data(base64Encoded: base64) ?? Data()) as? [String: Any] ?? [:]
}
