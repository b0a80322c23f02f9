import AuthHeroCore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// A PKCE verifier and its S256 challenge.
public struct PKCEPair: Sendable {
    /// The secret the client keeps until the code exchange.
    public let verifier: String
    /// `BASE64URL(SHA256(verifier))`, sent to `/authorize`.
    public let challenge: String

    /// A fresh random pair.
    public init() {
        verifier = RandomToken.make(byteCount: 32)
        challenge = PKCE.challengeFor(verifier: verifier)
    }
}

/// The `/authorize` path of an authorization-code request for `clientID` back to `redirectURI`, with PKCE when
/// given; `extra` adds or replaces parameters, and an empty value leaves a parameter out.
public func authorizePath(
    clientID: String, redirectURI: String, pkce: PKCEPair?, state: String = "xyz",
    scope: String = "openid profile email offline_access", _ extra: [String: String] = [:]
) -> String {
    var parameters = [
        "client_id": clientID, "redirect_uri": redirectURI, "response_type": "code", "state": state, "scope": scope,
    ]
    if let pkce {
        parameters["code_challenge"] = pkce.challenge
        parameters["code_challenge_method"] = "S256"
    }
    parameters.merge(extra) { _, new in new }
    return "/authorize?" + FormEncoding.encode(parameters.filter { !$0.value.isEmpty })
}

/// The steps of a browser login through the server's own pages.
extension Browser {
    /// Follows `authorizePath` at `host` to the login page (or, with `signUp`, the sign-up page next to it) and
    /// returns the page's form.
    public func openLoginPage(authorizePath: String, host: String, signUp: Bool = false) async throws -> HTMLForm {
        let authorize = try await get(authorizePath, host: host)
        #expect(authorize.status == .found)
        var loginPath = try #require(authorize.location)
        #expect(loginPath.hasPrefix("/u/login?state="))
        if signUp { loginPath = loginPath.replacingOccurrences(of: "/u/login", with: "/u/signup") }
        let page = try await get(loginPath, host: host)
        #expect(page.status == .ok)
        return try #require(HTMLForm(html: page.text))
    }

    /// Submits `form` at `host` with the credentials and returns the answer (a redirect to the callback on
    /// success).
    public func submit(_ form: HTMLForm, host: String, email: String, password: String) async throws
        -> TestClient.Response
    {
        var fields = form.fields
        fields["email"] = email
        fields["password"] = password
        return try await post(form.action, host: host, form: fields)
    }
}
