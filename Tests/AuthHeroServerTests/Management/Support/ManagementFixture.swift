import AuthHeroCore
import AuthHeroServer
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The Management API set-up on top of ``LoginTestServer``: every tenant has the built-in management API
/// (`urn:authhero:management`). In the control plane, tenant `alpha` is
/// linked to organization ``alphaOrganization`` (alice is a member holding `read:users` there) and `beta` to
/// ``betaOrganization`` (alice is no member); alice also holds `read:users` globally (her portal token), and
/// `staff@example.com` holds `admin:tenants` and `read:users` globally, `carol@example.com` nothing. In `alpha`, the machine client `m2m` is
/// granted `read:users` on the management API. `manager@example.com` is a member of alpha's organization holding
/// every built-in management scope there (``managerToken()``).
struct ManagementFixture {
    static let audience = "urn:authhero:management"
    static let alphaOrganization = "org_alphaTenant00000"
    static let betaOrganization = "org_betaTenant000000"
    static let staffEmail = "staff@example.com"
    /// A control-plane user with no role at all.
    static let carolEmail = "carol@example.com"
    /// A control-plane user holding every built-in management scope in alpha's organization only.
    static let managerEmail = "manager@example.com"
    static let managerID = "auth0|manager"
    let server: LoginTestServer
    /// Plaintext secret of alpha's `m2m` client.
    let m2mSecret: String
    /// Plaintext secret of the control plane's `m2m` client (granted `read:users` on the management API).
    let controlPlaneM2MSecret: String

    /// Seeds the management set-up into a running server.
    static func seed(_ server: LoginTestServer) async throws -> ManagementFixture {
        let storage = server.services.storage
        let now = server.services.clock.now()
        let cp = ControlPlane.tenantID
        for tenantID in [cp, "alpha", "beta"] {
            try await storage.createResourceServer(
                BuiltInManagementAPI.resourceServer(tenantID: tenantID), tenantID: tenantID)
        }
        for (tenantID, organizationID) in [("alpha", alphaOrganization), ("beta", betaOrganization)] {
            try await storage.createOrganization(
                Organization(
                    tenantID: cp, id: organizationID, name: tenantID, displayName: tenantID,
                    metadata: ["tenant_id": tenantID], createdAt: now),
                tenantID: cp)
            var tenant = try #require(try await storage.tenant(tenantID))
            tenant.organizationID = organizationID
            try await storage.updateTenant(tenant)
        }
        let alice = server.alice[cp]!
        try await storage.addMember(
            OrganizationMembership(tenantID: cp, organizationID: alphaOrganization, userID: alice, createdAt: now),
            tenantID: cp)
        let staff = "auth0|staff"
        for (userID, email) in [(staff, staffEmail), ("auth0|carol", carolEmail), (managerID, managerEmail)] {
            try await storage.createUser(
                User(
                    tenantID: cp, id: userID, connection: "Username-Password-Authentication", email: email,
                    emailVerified: true, passwordHash: PasswordHasher(cost: 4).hash(LoginTestServer.password),
                    createdAt: now),
                tenantID: cp)
        }
        for (roleID, permissions) in [
            ("rol_reader", ["read:users"]), ("rol_staff", ["admin:tenants", "read:users"]),
            ("rol_manager", BuiltInManagementAPI.scopes),
        ] {
            try await storage.createRole(Role(tenantID: cp, id: roleID, name: roleID), tenantID: cp)
            try await storage.addPermissions(
                permissions.map {
                    RolePermission(tenantID: cp, roleID: roleID, resourceServerIdentifier: audience, permissionName: $0)
                },
                tenantID: cp)
        }
        try await storage.assignRole(UserRole(tenantID: cp, userID: alice, roleID: "rol_reader"), tenantID: cp)
        try await storage.assignRole(
            UserRole(tenantID: cp, userID: alice, roleID: "rol_reader", organizationID: alphaOrganization),
            tenantID: cp)
        try await storage.assignRole(UserRole(tenantID: cp, userID: staff, roleID: "rol_staff"), tenantID: cp)
        try await storage.addMember(
            OrganizationMembership(tenantID: cp, organizationID: alphaOrganization, userID: managerID, createdAt: now),
            tenantID: cp)
        try await storage.assignRole(
            UserRole(tenantID: cp, userID: managerID, roleID: "rol_manager", organizationID: alphaOrganization),
            tenantID: cp)
        let registrar = ClientRegistrar(clients: storage, clock: server.services.clock)
        let m2m = try await registrar.register(
            tenantID: "alpha", name: "Machine", appType: .machineToMachine, clientID: "m2m")
        try await registrar.grant(clientID: "m2m", audience: audience, scope: ["read:users"], tenantID: "alpha")
        let cpMachine = try await registrar.register(
            tenantID: cp, name: "Machine", appType: .machineToMachine, clientID: "m2m")
        try await registrar.grant(clientID: "m2m", audience: audience, scope: ["read:users"], tenantID: cp)
        return ManagementFixture(
            server: server, m2mSecret: try #require(m2m.secret), controlPlaneM2MSecret: try #require(cpMachine.secret))
    }

    /// A control-plane user token for the management API, through the login form; `organization` makes it an
    /// organization token.
    func controlPlaneToken(
        email: String = "alice@example.com", scope: String = "read:users", organization: String? = nil
    ) async throws -> String {
        var extra = ["audience": Self.audience, "scope": "openid \(scope)"]
        extra["organization"] = organization
        let pkce = PKCEPair()
        let code = try await server.logInForCode(
            server.browser(), tenantID: ControlPlane.tenantID, pkce: pkce, email: email, extra)
        let response = try await server.exchange(code, tenantID: ControlPlane.tenantID, verifier: pkce.verifier)
        #expect(response.status == .ok)
        return try #require(try response.json()["access_token"] as? String)
    }

    /// A client-credentials token of the `m2m` client of `tenantID` (alpha or the control plane) for `audience`.
    func machineToken(tenantID: String = "alpha", audience: String = ManagementFixture.audience) async throws
        -> TestClient.Response
    {
        try await server.tokenRequest(
            tenantID,
            form: [
                "grant_type": "client_credentials", "client_id": "m2m",
                "client_secret": tenantID == "alpha" ? m2mSecret : controlPlaneM2MSecret, "audience": audience,
            ])
    }

    /// `/api/v2/users/{id}` with the id percent-encoded as Auth0 clients send it (`auth0%7C...`).
    static func userPath(_ userID: String) -> String {
        "/api/v2/users/" + userID.replacingOccurrences(of: "|", with: "%7C")
    }

    /// Calls the Management API at `host` with an optional bearer token and `tenant-id` header.
    func get(_ path: String, host: String, token: String?, tenantHeader: String? = nil) async throws
        -> TestClient.Response
    {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let tenantHeader { headers[HTTPFields.Element.Name("tenant-id")!] = tenantHeader }
        return try await server.browser().get(path, host: host, headers: headers)
    }

    /// Posts a JSON body to the control plane's Management API.
    func post(_ path: String, token: String, json: String) async throws -> TestClient.Response {
        try await server.browser().send(
            .post, path, host: LoginTestServer.host(ControlPlane.tenantID),
            headers: [.authorization: "Bearer \(token)", .contentType: "application/json"], body: json)
    }

    /// A portal token of carol after giving her every built-in management scope globally: a control-plane
    /// administrator acting on the control plane itself.
    func controlPlaneAdminToken() async throws -> String {
        try await server.services.storage.assignRole(
            UserRole(tenantID: ControlPlane.tenantID, userID: "auth0|carol", roleID: "rol_manager"),
            tenantID: ControlPlane.tenantID)
        return try await controlPlaneToken(email: Self.carolEmail, scope: "")
    }

    /// An organization token of ``managerEmail`` for alpha's organization: every built-in management scope, on
    /// tenant alpha only.
    func managerToken() async throws -> String {
        try await controlPlaneToken(email: Self.managerEmail, scope: "", organization: Self.alphaOrganization)
    }

    /// Sends `method` to the Management API at the control-plane host with a bearer token, an optional `tenant-id`
    /// header and an optional JSON body.
    func send(
        _ method: HTTPRequest.Method, _ path: String, token: String, tenant: String? = nil, json: String? = nil
    ) async throws -> TestClient.Response {
        var headers: HTTPFields = [.authorization: "Bearer \(token)"]
        if let tenant { headers[HTTPFields.Element.Name("tenant-id")!] = tenant }
        if json != nil { headers[.contentType] = "application/json" }
        return try await server.browser().send(
            method, path, host: LoginTestServer.host(ControlPlane.tenantID), headers: headers, body: json)
    }

    /// The Auth0 `errorCode` of an error answer, after checking its `statusCode` matches the HTTP status.
    static func errorCode(_ response: TestClient.Response) throws -> String? {
        let body = try response.json()
        #expect(body["statusCode"] as? Int == Int(response.status.code))
        return body["errorCode"] as? String
    }

    /// The answer's body as a JSON array of objects (empty when it is not one).
    static func array(_ response: TestClient.Response) throws -> [[String: Any]] {
        try JSONSerialization.jsonObject(with: Data((response.body ?? ByteBuffer()).readableBytesView))
            as? [[String: Any]] ?? []
    }
}
