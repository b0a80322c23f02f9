import AuthHeroCore
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The Portal's browser login through the server's HTML pages: `/authorize` with PKCE, the login (or sign-up)
/// form, the redirect to the callback, and the code exchange.
extension TestControlPlane {
    static var callback: String { baseURL + "portal/" }

    /// `/authorize` for the Portal client and the Management API audience.
    func authorizePath(pkce: PKCEPair, extra: [String: String] = [:]) throws -> String {
        let seed = try #require(seed)
        return AuthHeroTesting.authorizePath(
            clientID: seed.portalClientID, redirectURI: Self.callback, pkce: pkce,
            ["audience": "urn:authhero:management"].merging(extra) { _, new in new })
    }

    /// Opens the login page (or, with `signUp`, the sign-up page next to it) and returns its form.
    func openForm(_ browser: Browser, pkce: PKCEPair, signUp: Bool) async throws -> HTMLForm {
        try await browser.openLoginPage(
            authorizePath: try authorizePath(pkce: pkce), host: Self.host(), signUp: signUp)
    }

    /// Signs in (or up) through the pages and returns the token response.
    func portalTokens(email: String, password: String, signUp: Bool = false) async throws -> [String: Any] {
        let browser = browser()
        let pkce = PKCEPair()
        let form = try await openForm(browser, pkce: pkce, signUp: signUp)
        let answer = try await browser.submit(form, host: Self.host(), email: email, password: password)
        #expect(answer.status == .found)
        #expect(answer.location?.hasPrefix(Self.callback + "?") == true)
        let code = try #require(answer.redirectQuery["code"])
        let exchanged = try await tokenRequest([
            "grant_type": "authorization_code", "client_id": try #require(seed).portalClientID, "code": code,
            "redirect_uri": Self.callback, "code_verifier": pkce.verifier,
        ])
        #expect(exchanged.status == .ok)
        return try exchanged.json()
    }

    /// Sends a JSON request with a bearer token to the control plane.
    func api(_ method: HTTPRequest.Method, _ path: String, token: String, json: String? = nil) async throws
        -> TestClient.Response
    {
        var headers: HTTPFields = [.authorization: "Bearer \(token)"]
        if json != nil { headers[.contentType] = "application/json" }
        return try await browser().send(method, path, host: Self.host(), headers: headers, body: json)
    }
}
