import AuthHeroCore
import Foundation
import Hummingbird
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

/// The Portal's browser login through the server's HTML pages: `/authorize` with PKCE, the login (or sign-up)
/// form, the redirect to the callback, and the code exchange.
extension TestControlPlane {
    static var callback: String { baseURL + "portal/" }

    /// `/authorize` for the Portal client and the Management API audience.
    func authorizePath(pkce: PKCEPair, extra: [String: String] = [:]) throws -> String {
        let seed = try #require(seed)
        var parameters = [
            "client_id": seed.portalClientID, "redirect_uri": Self.callback, "response_type": "code", "state": "xyz",
            "scope": "openid profile email offline_access", "audience": "urn:authhero:management",
            "code_challenge": pkce.challenge, "code_challenge_method": "S256",
        ]
        parameters.merge(extra) { _, new in new }
        return "/authorize?" + FormEncoding.encode(parameters)
    }

    /// Opens the login page (or, with `signUp`, the sign-up page next to it) and returns its form.
    func openForm(_ browser: Browser, pkce: PKCEPair, signUp: Bool) async throws -> HTMLForm {
        let host = Self.host()
        let authorize = try await browser.get(try authorizePath(pkce: pkce), host: host)
        #expect(authorize.status == .found)
        var path = try #require(authorize.location)
        #expect(path.hasPrefix("/u/login?state="))
        if signUp { path = path.replacingOccurrences(of: "/u/login", with: "/u/signup") }
        let page = try await browser.get(path, host: host)
        #expect(page.status == .ok)
        return try #require(HTMLForm(html: page.text))
    }

    /// Signs in (or up) through the pages and returns the token response.
    func portalTokens(email: String, password: String, signUp: Bool = false) async throws -> [String: Any] {
        let browser = browser()
        let pkce = PKCEPair()
        let form = try await openForm(browser, pkce: pkce, signUp: signUp)
        var fields = form.fields
        fields["email"] = email
        fields["password"] = password
        let answer = try await browser.post(form.action, host: Self.host(), form: fields)
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

/// The decoded payload of a compact JWS, without checking anything (the tests read what the server issued).
func jwtClaims(_ token: String) throws -> [String: Any] {
    let parts = token.split(separator: ".").map(String.init)
    guard parts.count == 3 else { return [:] }
    var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
    return try JSONSerialization.jsonObject(with: Data(base64Encoded: base64) ?? Data()) as? [String: Any] ?? [:]
}
