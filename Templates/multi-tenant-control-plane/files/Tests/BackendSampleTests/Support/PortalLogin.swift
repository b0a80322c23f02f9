import AuthHeroCore
import AuthHeroTesting
import Foundation
import HummingbirdTesting

/// Control-plane users signing up and logging in through the HTML forms, as the Portal SPA does: authorization
/// code with PKCE, then the code exchanged at `/oauth/token`.
extension ControlPlaneServer {
    static let password = "correct horse battery staple"

    /// Signs `email` up through `/u/signup` and returns the user's id and a portal token (no organization) for the
    /// Management API.
    func signUp(email: String) async throws -> (userID: String, portalToken: String) {
        let token = try await userToken(email: email, audience: ControlPlaneSeed.managementAPI, page: "signup")
        guard let userID = try jwtClaims(token)["sub"] as? String else {
            throw TestSetupError("the access token has no sub")
        }
        return (userID, token)
    }

    /// Logs `email` in through `/u/login` and returns an access token for `audience`; with `organization` it is an
    /// organization token.
    func logIn(email: String, audience: String, organization: String? = nil) async throws -> String {
        try await userToken(email: email, audience: audience, organization: organization, page: "login")
    }

    private func userToken(
        email: String, audience: String, organization: String? = nil, page: String
    ) async throws -> String {
        let browser = browser()
        let verifier = RandomToken.make(byteCount: 32)
        var parameters = [
            "client_id": ControlPlaneSeed.portalClientID, "redirect_uri": ControlPlaneSeed.callback,
            "response_type": "code", "state": "portal-state", "scope": "openid profile email", "audience": audience,
            "code_challenge": PKCE.challengeFor(verifier: verifier), "code_challenge_method": "S256",
        ]
        parameters["organization"] = organization
        let authorize = try await browser.get("/authorize?" + FormEncoding.encode(parameters), host: Self.host)
        guard authorize.status == .found, let state = authorize.redirectQuery["state"] else {
            throw TestSetupError("/authorize answered \(authorize.status): \(authorize.text)")
        }
        let formPage = try await browser.get("/u/\(page)?state=\(state)", host: Self.host)
        guard let form = HTMLForm(html: formPage.text) else {
            throw TestSetupError("/u/\(page) has no form: \(formPage.status)")
        }
        var fields = form.fields
        fields["email"] = email
        fields["password"] = Self.password
        let submitted = try await browser.post(form.action, host: Self.host, form: fields)
        guard submitted.status == .found, let code = submitted.redirectQuery["code"],
            submitted.redirectQuery["state"] == "portal-state"
        else { throw TestSetupError("/u/\(page) answered \(submitted.status): \(submitted.text)") }
        let exchange = try await browser.post(
            "/oauth/token", host: Self.host,
            form: [
                "grant_type": "authorization_code", "client_id": ControlPlaneSeed.portalClientID, "code": code,
                "redirect_uri": ControlPlaneSeed.callback, "code_verifier": verifier,
            ])
        guard exchange.status == .ok, let token = try exchange.json()["access_token"] as? String else {
            throw TestSetupError("the code exchange answered \(exchange.status): \(exchange.text)")
        }
        return token
    }

    /// Creates tenant `name` through `POST /api/v2/tenants` with a portal token; returns its organization and tenant
    /// ids.
    func createTenant(_ name: String, displayName: String, portalToken: String) async throws
        -> (organizationID: String, tenantID: String)
    {
        let body = try JSONSerialization.data(withJSONObject: ["name": name, "display_name": displayName])
        let response = try await browser().send(
            .post, "/api/v2/tenants", host: Self.host,
            headers: [.authorization: "Bearer \(portalToken)", .contentType: "application/json"],
            body: String(decoding: body, as: UTF8.self))
        let json = try response.json()
        guard response.status == .created, let organizationID = json["id"] as? String,
            let tenantID = json["tenant_id"] as? String
        else { throw TestSetupError("POST /api/v2/tenants answered \(response.status): \(response.text)") }
        return (organizationID, tenantID)
    }
}
