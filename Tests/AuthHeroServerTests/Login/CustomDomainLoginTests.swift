import AuthHeroCore
import AuthHeroServer
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Login end to end on a verified custom domain: discovery, `/authorize` → `/u/login` → code → `/oauth/token`,
/// cookies and tokens all speak as `https://{domain}/`; tokens of the tenant's other issuer stay valid; tokens of
/// another tenant never are; a pending or deleted domain serves nothing. Serialized: each test starts a server.
@Suite(.serialized) struct CustomDomainLoginTests {
    static let domain = "auth.coffeeshop.test"
    static let issuer = "https://auth.coffeeshop.test/"
    static let subdomainIssuer = "http://alpha.localhost:3000/"
    static let proxyHost = "proxy.internal:8080"

    /// A server whose tenant alpha owns the verified domain ``domain``.
    private static func run(
        trustForwardedHeaders: Bool = false, _ body: @Sendable (LoginTestServer) async throws -> Void
    ) async throws {
        try await LoginTestServer.run(trustForwardedHeaders: trustForwardedHeaders) { server in
            try await server.addDomain(domain, tenantID: "alpha", verified: true)
            try await body(server)
        }
    }

    @Test func verifiedDomainServesLoginAndTokensAsItsOwnIssuer() async throws {
        try await Self.run { server in
            let browser = server.browser()
            let discovery = try await browser.get("/.well-known/openid-configuration", host: Self.domain)
            #expect(try discovery.json()["issuer"] as? String == Self.issuer)
            #expect(try discovery.json()["authorization_endpoint"] as? String == Self.issuer + "authorize")

            let flow = try await server.logIn(browser, host: Self.domain)
            for cookie in flow.cookies {
                #expect(!cookie.lowercased().contains("domain="), "host-only: \(cookie)")
                #expect(cookie.contains("Secure") && cookie.contains("SameSite=None") && cookie.contains("HttpOnly"))
            }
            #expect(flow.cookies.contains { $0.hasPrefix("authhero_session=") })
            #expect(flow.cookies.contains { $0.hasPrefix("authhero_csrf=") })

            let tokens = try await server.exchange(flow, browser, host: Self.domain)
            let idToken = try jwtClaims(try #require(tokens["id_token"] as? String))
            let accessToken = try #require(tokens["access_token"] as? String)
            #expect(idToken["iss"] as? String == Self.issuer)
            #expect(try jwtClaims(accessToken)["iss"] as? String == Self.issuer)
            #expect(idToken["sub"] as? String == server.alice["alpha"])

            let userinfo = try await browser.get(
                "/userinfo", host: Self.domain, headers: [.authorization: "Bearer \(accessToken)"])
            #expect(userinfo.status == .ok)
            #expect(try userinfo.json()["sub"] as? String == server.alice["alpha"])
        }
    }

    @Test func trustedProxyHeadersReachTheCustomDomain() async throws {
        try await Self.run(trustForwardedHeaders: true) { server in
            let browser = server.browser()
            let proxy = Self.proxyHeaders
            let discovery = try await browser.get(
                "/.well-known/openid-configuration", host: Self.proxyHost, headers: proxy)
            #expect(try discovery.json()["issuer"] as? String == Self.issuer)
            let flow = try await server.logIn(browser, host: Self.proxyHost, headers: proxy)
            let tokens = try await server.exchange(flow, browser, host: Self.proxyHost, headers: proxy)
            #expect(try jwtClaims(try #require(tokens["id_token"] as? String))["iss"] as? String == Self.issuer)
        }
    }

    @Test func proxyHeadersAreIgnoredUnlessTrusted() async throws {
        try await Self.run { server in
            let browser = server.browser()
            let viaProxy = try await browser.get(
                "/.well-known/openid-configuration", host: Self.proxyHost, headers: Self.proxyHeaders)
            #expect(viaProxy.status == .notFound)
            let forged = try await browser.get(
                "/.well-known/openid-configuration", host: "localhost:3000", headers: Self.proxyHeaders)
            #expect(try forged.json()["issuer"] as? String == "http://localhost:3000/")
            let authorize = try await browser.get(
                LoginTestServer.authorizePath(pkce: PKCEPair()), host: Self.proxyHost, headers: Self.proxyHeaders)
            #expect(authorize.status == .notFound)
        }
    }

    @Test func pendingDomainIsRefusedAndADeletedOneStopsResolvingAtOnce() async throws {
        try await LoginTestServer.run { server in
            let pending = try await server.addDomain(Self.domain, tenantID: "alpha", verified: false)
            let browser = server.browser()
            for path in ["/.well-known/openid-configuration", LoginTestServer.authorizePath(pkce: PKCEPair())] {
                #expect(try await browser.get(path, host: Self.domain).status == .notFound)
            }
            try await server.services.storage.markCustomDomainVerified(
                Self.domain, tenantID: "alpha", at: server.services.clock.now())
            #expect(try await browser.get("/.well-known/openid-configuration", host: Self.domain).status == .ok)
            #expect(try await server.services.storage.deleteCustomDomain(id: pending.id, tenantID: "alpha"))
            // As the Management API's delete does: the resolver remembers verified domains until told.
            await server.services.accessInvalidation.invalidate(tenant: "alpha")
            #expect(try await browser.get("/.well-known/openid-configuration", host: Self.domain).status == .notFound)
        }
    }

    @Test func tokensOfTheSubdomainAndTheCustomDomainAreValidOnBoth() async throws {
        try await Self.run { server in
            let subdomainTokens = try await server.logInForTokens(tenantID: "alpha")
            let subdomainAccess = try #require(subdomainTokens["access_token"] as? String)
            #expect(try jwtClaims(subdomainAccess)["iss"] as? String == Self.subdomainIssuer)
            let browser = server.browser()
            let userinfo = try await browser.get(
                "/userinfo", host: Self.domain, headers: [.authorization: "Bearer \(subdomainAccess)"])
            #expect(userinfo.status == .ok)

            // The refresh token is the tenant's, wherever it was issued; what it mints speaks as this host.
            let refreshed = try await browser.post(
                "/oauth/token", host: Self.domain,
                form: [
                    "grant_type": "refresh_token", "client_id": "spa",
                    "refresh_token": try #require(subdomainTokens["refresh_token"] as? String),
                ])
            #expect(refreshed.status == .ok)
            let customAccess = try #require(try refreshed.json()["access_token"] as? String)
            #expect(try jwtClaims(customAccess)["iss"] as? String == Self.issuer)
            #expect(
                try jwtClaims(try #require(try refreshed.json()["id_token"] as? String))["iss"] as? String
                    == Self.issuer)
            let back = try await browser.get(
                "/userinfo", host: LoginTestServer.host("alpha"), headers: [.authorization: "Bearer \(customAccess)"])
            #expect(back.status == .ok)

            // Once the domain is gone, so is its issuer.
            let domain = try #require(try await server.services.storage.customDomains(tenantID: "alpha").first)
            #expect(try await server.services.storage.deleteCustomDomain(id: domain.id, tenantID: "alpha"))
            let afterDelete = try await browser.get(
                "/userinfo", host: LoginTestServer.host("alpha"), headers: [.authorization: "Bearer \(customAccess)"])
            #expect(afterDelete.status == .unauthorized)
        }
    }

    @Test func managementAPIAcceptsTheTenantsTokensFromEitherIssuer() async throws {
        try await LoginTestServer.run { server in
            let fixture = try await ManagementFixture.seed(server)
            try await server.addDomain(Self.domain, tenantID: "alpha", verified: true)
            let subdomainToken = try #require(try await fixture.machineToken().json()["access_token"] as? String)
            let atDomain = try await fixture.get("/api/v2/users", host: Self.domain, token: subdomainToken)
            #expect(atDomain.status == .ok)

            let minted = try await server.browser().post(
                "/oauth/token", host: Self.domain,
                form: [
                    "grant_type": "client_credentials", "client_id": "m2m", "client_secret": fixture.m2mSecret,
                    "audience": ManagementFixture.audience,
                ])
            let domainToken = try #require(try minted.json()["access_token"] as? String)
            #expect(try jwtClaims(domainToken)["iss"] as? String == Self.issuer)
            let atSubdomain = try await fixture.get(
                "/api/v2/users", host: LoginTestServer.host("alpha"), token: domainToken)
            #expect(atSubdomain.status == .ok)
        }
    }

    @Test func anotherTenantsTokensFailAtTheCustomDomain() async throws {
        try await Self.run { server in
            try await server.addDomain("login.teashop.test", tenantID: "beta", verified: true)
            let browser = server.browser()
            let flow = try await server.logIn(browser, host: "login.teashop.test")
            let betaTokens = try await server.exchange(flow, browser, host: "login.teashop.test")
            let betaAccess = try #require(betaTokens["access_token"] as? String)
            #expect(try jwtClaims(betaAccess)["iss"] as? String == "https://login.teashop.test/")
            let subdomainBeta = try #require(
                try await server.logInForTokens(tenantID: "beta")["access_token"] as? String)
            for token in [betaAccess, subdomainBeta] {
                let answer = try await browser.get(
                    "/userinfo", host: Self.domain, headers: [.authorization: "Bearer \(token)"])
                #expect(answer.status == .unauthorized)
            }
            let refresh = try await browser.post(
                "/oauth/token", host: Self.domain,
                form: [
                    "grant_type": "refresh_token", "client_id": "spa",
                    "refresh_token": try #require(betaTokens["refresh_token"] as? String),
                ])
            #expect(refresh.status == .badRequest)
            #expect(try refresh.json()["error"] as? String == "invalid_grant")

            // Beta's key signing a token that claims alpha's custom issuer and userinfo audience: refused.
            let forged = try await server.services.tokens.issueAccessToken(
                AccessTokenRequest(
                    tenantID: "beta", issuer: Self.issuer, subject: server.alice["alpha"]!, clientID: "spa",
                    resourceServer: UserinfoAudience.resourceServer(
                        tenant: TenantContext(
                            tenant: try #require(try await server.services.storage.tenant("alpha")),
                            issuer: Self.issuer)),
                    scopes: ["openid"], permissions: nil))
            let answer = try await browser.get(
                "/userinfo", host: Self.domain, headers: [.authorization: "Bearer \(forged.accessToken)"])
            #expect(answer.status == .unauthorized)
        }
    }

    private static var proxyHeaders: HTTPFields {
        [HTTPFields.Element.Name("X-Forwarded-Host")!: domain, HTTPFields.Element.Name("X-Forwarded-Proto")!: "https"]
    }
}

/// A login's code and the cookies its pages set.
private struct CustomDomainLogin {
    let code: String
    let verifier: String
    let cookies: [String]
}

extension LoginTestServer {
    /// Records `domain` for `tenantID` in storage, verified or pending.
    @discardableResult
    fileprivate func addDomain(_ domain: String, tenantID: String, verified: Bool) async throws -> CustomDomain {
        let record = CustomDomain(
            domain: domain, tenantID: tenantID, verificationToken: "t", createdAt: services.clock.now())
        try await services.storage.addCustomDomain(record, tenantID: tenantID)
        if verified {
            try await services.storage.markCustomDomainVerified(domain, tenantID: tenantID, at: services.clock.now())
        }
        return record
    }

    /// Logs alice in through the pages at `host` (with `headers` on every request, as a proxy would add them).
    fileprivate func logIn(_ browser: Browser, host: String, headers: HTTPFields = [:]) async throws
        -> CustomDomainLogin
    {
        let pkce = PKCEPair()
        let authorize = try await browser.get(Self.authorizePath(pkce: pkce), host: host, headers: headers)
        #expect(authorize.status == .found)
        let loginPath = try #require(authorize.location)
        let page = try await browser.get(loginPath, host: host, headers: headers)
        let form = try #require(HTMLForm(html: page.text))
        var fields = form.fields
        fields["email"] = "alice@example.com"
        fields["password"] = Self.password
        let answer = try await browser.post(form.action, host: host, form: fields, headers: headers)
        #expect(answer.status == .found)
        let cookies = [authorize, answer].flatMap { $0.head.headerFields[values: .setCookie] }
        return CustomDomainLogin(
            code: try #require(answer.redirectQuery["code"]), verifier: pkce.verifier, cookies: cookies)
    }

    /// Redeems the login's code at `host` and returns the token response.
    fileprivate func exchange(
        _ login: CustomDomainLogin, _ browser: Browser, host: String, headers: HTTPFields = [:]
    ) async throws -> [String: Any] {
        let response = try await browser.post(
            "/oauth/token", host: host,
            form: [
                "grant_type": "authorization_code", "client_id": "spa", "code": login.code,
                "redirect_uri": Self.callback, "code_verifier": login.verifier,
            ],
            headers: headers)
        #expect(response.status == .ok)
        return try response.json()
    }
}
