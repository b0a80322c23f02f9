import AuthHeroCore
import AuthHeroSQLite
import AuthHeroServer
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore

/// A real AuthHero server on 127.0.0.1 (port 0) over a real SQLite file, seeded with the control plane and two
/// tenants, `alpha` and `beta`, each with the RBAC API `https://api.example.com` (scopes `read:data`,
/// `write:data`) and a machine client `m2m` granted `read:data`.
struct LiveServer {
    static let audience = "https://api.example.com"
    static let baseURL = "http://localhost:3000/"

    let port: Int
    let services: AuthHeroServices
    let clock: ManualClock
    /// Plaintext secret of each tenant's `m2m` client.
    let secrets: [String: String]

    /// Starts a server, runs `body` against it, and stops it.
    static func run(
        trustForwardedHeaders: Bool = false, logger: Logger = Logger(label: "authhero-test"),
        _ body: @Sendable (LiveServer) async throws -> Void
    ) async throws {
        let folder = try TemporaryFolder(prefix: "authhero-http")
        defer { folder.remove() }
        let storage = try SQLiteStorage.open(path: folder.path("authhero.sqlite"))
        try storage.migrate()
        let clock = ManualClock(Date())
        let hosts = try PlatformHosts(baseURL: baseURL, development: true, trustForwardedHeaders: trustForwardedHeaders)
        let services = AuthHeroServices(storage: storage, hosts: hosts, clock: clock)
        let secrets = try await seed(services)

        try await withRunningServer { onServerRunning in
            AuthHeroApplication.make(
                services: services, hostname: "127.0.0.1", port: 0, logger: logger, onServerRunning: onServerRunning)
        } _: { port in
            try await body(LiveServer(port: port, services: services, clock: clock, secrets: secrets))
        }
    }

    private static func seed(_ services: AuthHeroServices) async throws -> [String: String] {
        let bootstrap = TenantBootstrap(storage: services.storage, keys: services.keys, clock: services.clock)
        try await bootstrap.ensureTenant(id: ControlPlane.tenantID, friendlyName: "Control plane")
        var secrets: [String: String] = [:]
        for tenantID in ["alpha", "beta"] {
            try await bootstrap.ensureTenant(
                id: tenantID, friendlyName: tenantID, settings: TenantSettings(keyRotationGraceSeconds: 3600))
            try await services.storage.createResourceServer(
                ResourceServer(
                    tenantID: tenantID, id: "rs_api", identifier: audience, name: "API",
                    scopes: [ResourceServerScope(value: "read:data"), ResourceServerScope(value: "write:data")],
                    enforcePolicies: true, tokenLifetime: 600),
                tenantID: tenantID)
            let registrar = ClientRegistrar(clients: services.storage, clock: services.clock)
            let registration = try await registrar.register(
                tenantID: tenantID, name: "Machine", appType: .machineToMachine, clientID: "m2m")
            try await registrar.grant(clientID: "m2m", audience: audience, scope: ["read:data"], tenantID: tenantID)
            secrets[tenantID] = registration.secret
        }
        return secrets
    }

    /// The `Host` of a tenant's subdomain.
    static func host(_ tenantID: String) -> String { "\(tenantID).localhost:3000" }

    /// Sends one request with the given `Host` over a fresh connection.
    func send(
        _ method: HTTPRequest.Method, _ path: String, host: String, headers: HTTPFields = [:], body: String? = nil
    ) async throws -> TestClient.Response {
        // A browser with an empty jar: the kit's generous read timeout covers the parallel-request tests, which
        // queue a hundred RSA signatures behind every other suite on a 2-core CI machine.
        try await Browser(port: port).send(method, path, host: host, headers: headers, body: body)
    }

    /// Posts a form to `/oauth/token` of `tenantID`.
    func tokenRequest(_ tenantID: String, form: [String: String], headers: HTTPFields = [:]) async throws
        -> TestClient.Response
    {
        var headers = headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await send(
            .post, "/oauth/token", host: Self.host(tenantID), headers: headers, body: FormEncoding.encode(form))
    }

    /// The standard client-credentials form for the tenant's `m2m` client.
    func clientCredentialsForm(_ tenantID: String, scope: String? = nil) -> [String: String] {
        var form = [
            "grant_type": "client_credentials", "client_id": "m2m", "client_secret": secrets[tenantID]!,
            "audience": Self.audience,
        ]
        form["scope"] = scope
        return form
    }

    /// A client-credentials access token of `tenantID`.
    func accessToken(_ tenantID: String) async throws -> String {
        let response = try await tokenRequest(tenantID, form: clientCredentialsForm(tenantID))
        return try jsonObject(response)["access_token"] as? String ?? ""
    }
}

/// The body of a response as a JSON object.
func jsonObject(_ response: TestClient.Response) throws -> [String: Any] {
    let data = Data((response.body ?? ByteBuffer()).readableBytesView)
    return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
}

/// The decoded header and payload of a compact JWS, without checking anything.
func jwtParts(_ token: String) throws -> (header: [String: Any], payload: [String: Any]) {
    (try jwtHeader(token), try jwtClaims(token))
}
