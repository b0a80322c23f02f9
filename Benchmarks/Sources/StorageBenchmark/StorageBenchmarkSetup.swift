import AuthHeroCore
import AuthHeroServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore

/// One layout's database: the control plane with a creator, `tenants` customer tenants created through the
/// provisioner (the time of each kept), and in the middle tenant a machine client granted `read:users` on its
/// management API and 100 users.
struct StorageBenchmarkSetup: Sendable {
    static let creator = "auth0|bench-creator"
    let store: BenchmarkStore
    let services: AuthHeroServices
    let target: String
    let secret: String
    let creationSeconds: [Double]

    init(store: BenchmarkStore, tenants: Int) async throws {
        self.store = store
        let storage = store.storage
        services = AuthHeroServices(
            storage: storage, hosts: try PlatformHosts(baseURL: "http://localhost:3000/", development: true),
            tenantQuotaPerUser: tenants + 1)
        let cp = ControlPlane.tenantID
        let now = services.clock.now()
        try await storage.createTenant(Tenant(id: cp, friendlyName: "CP", provisioningState: .ready, createdAt: now))
        try await storage.createResourceServer(BuiltInManagementAPI.resourceServer(tenantID: cp), tenantID: cp)
        try await storage.createUser(
            User(
                tenantID: cp, id: Self.creator, connection: TenantProvisioner.databaseConnection,
                email: "creator@example.com", passwordHash: nil, createdAt: now),
            tenantID: cp)
        var durations: [Double] = []
        for index in 0..<tenants {
            let clock = ContinuousClock()
            let start = clock.now
            _ = try await services.tenantProvisioner.create(
                name: "tenant-\(index)", displayName: "Tenant \(index)", creatorUserID: Self.creator)
            durations.append(Self.seconds(clock.now - start))
        }
        creationSeconds = durations
        target = "tenant-\(tenants / 2)"
        let registrar = ClientRegistrar(clients: storage, clock: services.clock)
        let client = try await registrar.register(
            tenantID: target, name: "Bench", appType: .machineToMachine, clientID: "bench")
        _ = try await registrar.grant(
            clientID: "bench", audience: BuiltInManagementAPI.identifier, scope: ["read:users"], tenantID: target)
        secret = client.secret ?? ""
        for index in 0..<100 {
            try await storage.createUser(
                User(
                    tenantID: target, id: "auth0|user-\(index)", connection: TenantProvisioner.databaseConnection,
                    email: "user\(index)@example.com", passwordHash: nil, createdAt: now),
                tenantID: target)
        }
    }

    /// Serves the database on 127.0.0.1 and measures tokens and listings in the target tenant; with a second
    /// instance of the store, a second server over it (services, caches and pool of its own) shares the token load.
    func measure(tokens: Int, connections: Int, listings: Int) async throws -> StorageBenchmarkReport {
        var logger = Logger(label: "storage-benchmark")
        logger.logLevel = .error
        let hosts = try PlatformHosts(baseURL: "http://localhost:3000/", development: true)
        let second = store.secondInstance.map { AuthHeroServices(storage: $0, hosts: hosts) }
        let (ports, portReported) = AsyncStream.makeStream(of: Int.self)
        let apps = ([services] + (second.map { [$0] } ?? [])).map { services in
            AuthHeroApplication.make(
                services: services, hostname: "127.0.0.1", port: 0, logger: logger,
                onServerRunning: { portReported.yield($0) })
        }
        return try await withThrowingTaskGroup(of: Void.self) { group in
            for app in apps { group.addTask { try await app.runService(gracefulShutdownSignals: []) } }
            var iterator = ports.makeAsyncIterator()
            var running: [Int] = []
            while running.count < apps.count, let port = await iterator.next() { running.append(port) }
            guard let port = running.first else { throw CancellationError() }
            let tokensPerSecond = try await tokenRate(ports: [port], requests: tokens, connections: connections)
            let twoInstances =
                running.count > 1
                ? try await tokenRate(ports: running, requests: tokens, connections: connections) : nil
            let listing = try await listingLatencies(port: port, requests: listings)
            group.cancelAll()
            let clock = ContinuousClock()
            let migrateStart = clock.now
            try await store.migrate()
            return StorageBenchmarkReport(
                creationSeconds: creationSeconds, tokensPerSecond: tokensPerSecond,
                twoInstanceTokensPerSecond: twoInstances, listingSeconds: listing,
                migrateSeconds: Self.seconds(clock.now - migrateStart), diskBytes: try await store.diskBytes(),
                residentKilobytes: StorageBenchmarkReport.residentKilobytes())
        }
    }

    func remove() async { await store.remove() }

    private var host: String { "\(target).localhost:3000" }

    private func tokenRequest(_ client: TestClient) async throws -> TestClient.Response {
        let body =
            "grant_type=client_credentials&client_id=bench&client_secret=\(secret)"
            + "&audience=\(BuiltInManagementAPI.identifier)"
        return try await client.execute(
            TestClient.Request(
                "/oauth/token", method: .post, authority: host,
                headers: [.contentType: "application/x-www-form-urlencoded", .connection: "keep-alive"],
                body: ByteBuffer(string: body)))
    }

    /// Client-credentials tokens per second over `connections` keep-alive connections, spread over `ports` in turn.
    private func tokenRate(ports: [Int], requests: Int, connections: Int) async throws -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for connection in 0..<connections {
                group.addTask {
                    let client = TestClient(host: "127.0.0.1", port: ports[connection % ports.count])
                    client.connect()
                    defer { Task { try? await client.shutdown() } }
                    for _ in 0..<(requests / connections) {
                        let response = try await tokenRequest(client)
                        guard response.status == .ok else { throw BenchmarkFailure("token: \(response.status)") }
                    }
                }
            }
            try await group.waitForAll()
        }
        return Double(requests / connections * connections) / Self.seconds(clock.now - start)
    }

    private func listingLatencies(port: Int, requests: Int) async throws -> [Double] {
        let client = TestClient(host: "127.0.0.1", port: port)
        client.connect()
        defer { Task { try? await client.shutdown() } }
        let issued = try await tokenRequest(client)
        let json =
            try JSONSerialization.jsonObject(with: Data((issued.body ?? ByteBuffer()).readableBytesView))
            as? [String: Any]
        guard let token = json?["access_token"] as? String else { throw BenchmarkFailure("no management token") }
        let clock = ContinuousClock()
        var durations: [Double] = []
        for _ in 0..<requests {
            let start = clock.now
            let response = try await client.execute(
                TestClient.Request(
                    "/api/v2/users?per_page=50", method: .get, authority: host,
                    headers: [.authorization: "Bearer \(token)", .connection: "keep-alive"]))
            guard response.status == .ok else { throw BenchmarkFailure("GET /api/v2/users: \(response.status)") }
            durations.append(Self.seconds(clock.now - start))
        }
        return durations
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// The benchmark did not measure what it meant to.
struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
