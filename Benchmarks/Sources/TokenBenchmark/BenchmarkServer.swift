import AuthHeroCore
import AuthHeroSQLite
import AuthHeroServer
import AuthHeroVerify
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore

/// A server on 127.0.0.1 over a temporary SQLite file with one tenant, `bench`, an RS256 and an ES256 API, a
/// machine client granted both, and for the login pages a database connection, a SPA client (`spa`, callback
/// ``callback``) and an existing user ``existingEmail``. A second, plain Hummingbird server in the same process
/// answers `GET /floor` with a JSON body of a token response's size: the HTTP floor the token endpoint is compared
/// with.
struct BenchmarkServer: Sendable {
    let port: Int
    let floorPort: Int
    let services: AuthHeroServices
    let secret: String
    static let tenantID = "bench"
    static let issuer = "http://bench.localhost:3000/"
    static let callback = "http://localhost:5173/callback"
    static let existingEmail = "taken@bench.example"
    static let existingPassword = "a long password"

    static func audience(_ algorithm: SigningAlgorithm) -> String { "https://\(algorithm.rawValue.lowercased()).bench" }

    /// Starts both servers (`port` 0 picks a free one), runs `body`, then stops them.
    static func run(port: Int = 0, _ body: @Sendable (BenchmarkServer) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "authhero-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let storage = try SQLiteStorage.open(path: directory.appendingPathComponent("bench.sqlite").path)
        try storage.migrate()
        let services = AuthHeroServices(
            storage: storage, hosts: try PlatformHosts(baseURL: "http://localhost:3000/", development: true))
        try await TenantBootstrap(storage: storage, keys: services.keys, clock: services.clock)
            .ensureTenant(id: tenantID, friendlyName: "Bench")
        let registrar = ClientRegistrar(clients: storage, clock: services.clock)
        let registration = try await registrar.register(
            tenantID: tenantID, name: "Bench", appType: .machineToMachine, clientID: "bench")
        for algorithm in SigningAlgorithm.allCases {
            try await storage.createResourceServer(
                ResourceServer(
                    tenantID: tenantID, id: "rs_\(algorithm.rawValue)", identifier: audience(algorithm),
                    name: algorithm.rawValue,
                    scopes: [ResourceServerScope(value: "read:data")], enforcePolicies: true,
                    signingAlgorithm: algorithm),
                tenantID: tenantID)
            try await registrar.grant(
                clientID: "bench", audience: audience(algorithm), scope: ["read:data"], tenantID: tenantID)
        }

        try await storage.createConnection(
            Connection(tenantID: tenantID, id: "con_db", name: TenantProvisioner.databaseConnection),
            tenantID: tenantID)
        _ = try await registrar.register(
            tenantID: tenantID, name: "Bench SPA", appType: .spa, clientID: "spa", callbacks: [callback])
        try await storage.createUser(
            User(
                tenantID: tenantID, id: "auth0|taken", connection: TenantProvisioner.databaseConnection,
                email: existingEmail, passwordHash: try await services.passwordHashing.hash(existingPassword),
                createdAt: services.clock.now()),
            tenantID: tenantID)

        var logger = Logger(label: "bench")
        logger.logLevel = .warning
        let (ports, portReported) = AsyncStream.makeStream(of: Int.self)
        let app = AuthHeroApplication.make(
            services: services, hostname: "127.0.0.1", port: port, logger: logger,
            onServerRunning: { portReported.yield($0) })
        let (floorPorts, floorPortReported) = AsyncStream.makeStream(of: Int.self)
        let floor = Application(
            router: floorRouter(), configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { floorPortReported.yield($0.localAddress?.port ?? 0) }, logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            group.addTask { try await floor.runService(gracefulShutdownSignals: []) }
            var iterator = ports.makeAsyncIterator()
            var floorIterator = floorPorts.makeAsyncIterator()
            guard let port = await iterator.next(), let floorPort = await floorIterator.next() else { return }
            try await body(
                BenchmarkServer(
                    port: port, floorPort: floorPort, services: services, secret: registration.secret ?? ""))
            group.cancelAll()
        }
    }

    /// `GET /floor`: a fixed JSON body as long as a client-credentials answer, through Hummingbird alone.
    private static func floorRouter() -> Router<BasicRequestContext> {
        let token = String(repeating: "a", count: 700)
        let body = ByteBuffer(string: #"{"access_token":"\#(token)","token_type":"Bearer","expires_in":86400}"#)
        let router = Router()
        router.get("floor") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                body: ResponseBody(byteBuffer: body))
        }
        return router
    }

    /// A keep-alive connection to the server.
    func connect() async throws -> TestClient {
        let client = TestClient(host: "127.0.0.1", port: port)
        client.connect()
        return client
    }

    /// One client-credentials request over `client`'s connection.
    func tokenOverConnection(_ client: TestClient, audience: String) async throws {
        let body = "grant_type=client_credentials&client_id=bench&client_secret=\(secret)&audience=\(audience)"
        let response = try await client.execute(
            TestClient.Request(
                "/oauth/token", method: .post, authority: "bench.localhost:3000",
                headers: [.contentType: "application/x-www-form-urlencoded", .connection: "keep-alive"],
                body: ByteBuffer(string: body)))
        guard response.status == .ok else { throw BenchmarkError.tokenRequestFailed("\(response.status)") }
    }

    /// An access token for `audience`, issued in process.
    func token(audience: String) async throws -> String {
        let tenant = try await services.resolver.resolve(host: "bench.localhost:3000")
        return try await services.clientCredentials.exchange(
            ClientCredentials(clientID: "bench", clientSecret: secret), audience: audience, scope: nil, tenant: tenant
        ).accessToken
    }

    /// The tenant's current key for `algorithm`.
    func currentKey(_ algorithm: SigningAlgorithm) async throws -> SigningKey {
        guard
            let key = try await services.storage.keys(tenantID: Self.tenantID)
                .first(where: { $0.algorithm == algorithm && $0.status == .current })
        else { throw BenchmarkError.badSignature }
        return key
    }

    /// An `AuthHeroVerify` verifier reading the tenant's keys in process.
    func verifier(audience: String) -> TokenVerifier {
        let keys = services.keys
        return TokenVerifier(
            policy: VerificationPolicy(issuers: [Self.issuer], audiences: [audience]),
            keys: LocalJWKSSource { try await keys.keyRing(tenantID: Self.tenantID).jwks })
    }
}
