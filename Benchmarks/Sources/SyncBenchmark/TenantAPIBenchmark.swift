import AuthHeroCore
import AuthHeroServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging

/// The Management API half of issue 5's figures, on a `BenchmarkRun`'s database: `POST /api/v2/tenants` (one tenant
/// created through the API, RSA key generation included) and `GET /api/v2/tenants` for a user who is a member of
/// 1,000 linked organizations. Requests go through the whole router in process (HummingbirdTesting's router mode:
/// no sockets), with control-plane tokens the runtime itself signed.
struct TenantAPIBenchmark {
    let run: BenchmarkRun
    let services: AuthHeroServices
    static let member = "auth0|bench-member"

    init(run: BenchmarkRun) async throws {
        self.run = run
        services = AuthHeroServices(
            storage: run.storage, hosts: try PlatformHosts(baseURL: "http://localhost:3000/", development: true))
        let cp = ControlPlane.tenantID
        try await services.storage.createResourceServer(BuiltInManagementAPI.resourceServer(tenantID: cp), tenantID: cp)
        try await services.keys.ensureCurrentKey(tenantID: cp)
        try await linkOrganizations(count: min(1_000, run.tenantCount))
    }

    /// Median seconds of `samples` tenant creations, each by a different user (the per-user quota stays out of it).
    func medianCreation(samples: Int) async throws -> Double {
        let durations = try await withApp { client in
            var durations: [Double] = []
            for sample in 0..<samples {
                let creator = "auth0|bench-creator-\(sample)"
                try await createUser(creator)
                let token = try await token(subject: creator)
                let body = #"{"name":"bench-new-\#(sample)","display_name":"Bench"}"#
                let seconds = try await run.measure {
                    let response = try await client.execute(
                        uri: "/api/v2/tenants", method: .post,
                        headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                        body: ByteBuffer(string: body))
                    guard response.status == .created else {
                        throw BenchmarkFailure("POST /api/v2/tenants answered \(response.status)")
                    }
                }
                durations.append(seconds)
            }
            return durations
        }
        return durations.sorted()[samples / 2]
    }

    /// Median seconds of `samples` listings (first page, `include_totals`) for the member of every organization.
    func medianListing(samples: Int) async throws -> (seconds: Double, total: Int) {
        let token = try await token(subject: Self.member)
        return try await withApp { client in
            var durations: [Double] = []
            for _ in 0..<samples {
                let seconds = try await run.measure {
                    let response = try await client.execute(
                        uri: "/api/v2/tenants?include_totals=true&per_page=50", method: .get,
                        headers: [.authorization: "Bearer \(token)"])
                    guard response.status == .ok else {
                        throw BenchmarkFailure("GET /api/v2/tenants answered \(response.status)")
                    }
                }
                durations.append(seconds)
            }
            let response = try await client.execute(
                uri: "/api/v2/tenants?include_totals=true", method: .get, headers: [.authorization: "Bearer \(token)"])
            let list = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
            return (durations.sorted()[samples / 2], list?["total"] as? Int ?? -1)
        }
    }

    private func withApp<Value: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws
        -> Value
    {
        var logger = Logger(label: "bench")
        logger.logLevel = .critical
        let app = AuthHeroApplication.make(services: services, hostname: "127.0.0.1", port: 0, logger: logger)
        return try await app.test(.router) { client in try await body(client) }
    }

    /// A control-plane user token for the Management API, as the login flow would issue it.
    private func token(subject: String) async throws -> String {
        let cp = ControlPlane.tenantID
        return try await services.tokens.issueAccessToken(
            AccessTokenRequest(
                tenantID: cp, issuer: services.resolver.hosts.controlPlaneIssuer, subject: subject, clientID: "bench",
                resourceServer: BuiltInManagementAPI.resourceServer(tenantID: cp), scopes: [], permissions: [])
        ).accessToken
    }

    /// A control-plane user (memberships reference users).
    private func createUser(_ id: String) async throws {
        let cp = ControlPlane.tenantID
        try await services.storage.createUser(
            User(
                tenantID: cp, id: id, connection: TenantProvisioner.databaseConnection,
                email: "\(id.dropFirst(6))@bench.test",
                passwordHash: nil, createdAt: Date()),
            tenantID: cp)
    }

    /// Links the first `count` tenants to control-plane organizations that ``member`` belongs to.
    private func linkOrganizations(count: Int) async throws {
        let cp = ControlPlane.tenantID
        let now = Date()
        try await createUser(Self.member)
        let tenants = try await services.storage.tenants().filter { $0.id != cp }.prefix(count)
        try await services.storage.transaction { transaction in
            for (index, tenant) in tenants.enumerated() {
                let organization = Organization(
                    tenantID: cp, id: "org_bench\(index)", name: tenant.id, displayName: tenant.id,
                    metadata: ["tenant_id": tenant.id], createdAt: now)
                try transaction.createOrganization(organization, tenantID: cp)
                try transaction.addMember(
                    OrganizationMembership(
                        tenantID: cp, organizationID: organization.id, userID: Self.member, createdAt: now),
                    tenantID: cp)
                var linked = tenant
                linked.organizationID = organization.id
                try transaction.updateTenant(linked)
            }
        }
    }
}
