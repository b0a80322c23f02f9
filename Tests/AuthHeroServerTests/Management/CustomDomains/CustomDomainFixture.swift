import AuthHeroCore
import AuthHeroServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The Management API set-up (``ManagementFixture``) with an in-memory TXT record table, for the custom-domain
/// route tests.
struct CustomDomainFixture {
    let management: ManagementFixture
    let dns: InMemoryDomainVerifier

    var storage: any AuthHeroStorage { management.server.services.storage }

    /// Starts a server whose domain verifier is an in-memory table, seeds the management set-up, runs `body`.
    static func run(_ body: @Sendable (CustomDomainFixture) async throws -> Void) async throws {
        let dns = InMemoryDomainVerifier()
        try await LoginTestServer.run(domainVerifier: dns) { server in
            try await body(CustomDomainFixture(management: try await ManagementFixture.seed(server), dns: dns))
        }
    }

    /// Creates `domain` in tenant `tenant` through the API and returns the answer.
    func create(_ domain: String, token: String, tenant: String = "alpha") async throws -> TestClient.Response {
        try await management.send(
            .post, "/api/v2/custom-domains", token: token, tenant: tenant,
            json: #"{"domain":"\#(domain)","type":"self_managed_certs"}"#)
    }

    /// Records a domain straight in storage (the way another tenant would have claimed it).
    func seedDomain(_ domain: String, tenant: String, verified: Bool = false) async throws -> CustomDomain {
        let now = management.server.services.clock.now()
        let record = CustomDomain(domain: domain, tenantID: tenant, verificationToken: "seeded", createdAt: now)
        try await storage.addCustomDomain(record, tenantID: tenant)
        if verified { try await storage.markCustomDomainVerified(domain, tenantID: tenant, at: now) }
        return try #require(try await storage.customDomain(id: record.id, tenantID: tenant))
    }

    /// The audit actions recorded in `tenant`, oldest first.
    func auditActions(_ tenant: String = "alpha") async throws -> [String] {
        try await storage.events(tenantID: tenant, limit: 100).reversed().map(\.action)
            .filter { $0.hasPrefix("custom_domain.") }
    }
}
