import AuthHeroCore
import AuthHeroServer
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `/api/v2/logs`: the tenant's audit log in Auth0's log shape, filters, page and checkpoint pagination, single
/// entries, scopes, tenant isolation and the platform staff's `tenant` filter.
@Suite(.serialized) struct LogRoutesTests {
    private static func run(_ body: @Sendable (ManagementFixture) async throws -> Void) async throws {
        try await LoginTestServer.run { server in
            let fixture = try await ManagementFixture.seed(server)
            let storage = server.services.storage
            let start = server.services.clock.now()
            // Three known events per tenant, in this order, after whatever seeding wrote.
            for tenantID in ["alpha", "beta"] {
                for (offset, (actor, action)) in [
                    ("auth0|bob", "user.updated"), ("m2m@clients", "client.rotated"), ("auth0|bob", "role.created"),
                ].enumerated() {
                    try await storage.append(
                        AuditEvent(
                            tenantID: tenantID, occurredAt: start + TimeInterval(offset), actor: actor, action: action,
                            target: "\(tenantID)-\(offset)", details: ["via": "test"]),
                        tenantID: tenantID)
                }
            }
            // Management permissions for the log: the manager holds every built-in scope already; staff gets
            // read:logs next to admin:tenants.
            try await storage.addPermissions(
                [
                    RolePermission(
                        tenantID: ControlPlane.tenantID, roleID: "rol_staff",
                        resourceServerIdentifier: ManagementFixture.audience, permissionName: "read:logs")
                ],
                tenantID: ControlPlane.tenantID)
            try await body(fixture)
        }
    }

    private static func ids(_ logs: [[String: Any]]) -> [String] { logs.compactMap { $0["log_id"] as? String } }

    @Test func listIsNewestFirstInAuth0sLogShape() async throws {
        try await Self.run { fixture in
            let response = try await fixture.send(
                .get, "/api/v2/logs?type=client.rotated", token: try await fixture.managerToken(), tenant: "alpha")
            #expect(response.status == .ok)
            let logs = try ManagementFixture.array(response)
            #expect(logs.count == 1)
            let log = try #require(logs.first)
            #expect(log["type"] as? String == "client.rotated")
            #expect(log["user_id"] as? String == "m2m@clients")
            #expect(log["client_id"] as? String == "m2m")
            #expect(log["tenant_id"] as? String == "alpha")
            #expect(log["description"] as? String == "client.rotated alpha-1")
            #expect((log["details"] as? [String: String]) == ["via": "test", "target": "alpha-1"])
            #expect((log["date"] as? String).flatMap { try? Date($0, strategy: .iso8601) } != nil)

            let all = try ManagementFixture.array(
                try await fixture.send(
                    .get, "/api/v2/logs?user_id=auth0%7Cbob", token: try await fixture.managerToken(), tenant: "alpha"))
            #expect(all.map { $0["type"] as? String } == ["role.created", "user.updated"])
            #expect(all.allSatisfy { $0["client_id"] == nil })
        }
    }

    @Test func pagesCarryTotalsAndCheckpointsFollowTheLogOldestFirst() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            let paged = try await fixture.send(
                .get, "/api/v2/logs?per_page=2&page=0&include_totals=true", token: token, tenant: "alpha")
            let body = try paged.json()
            let total = try #require(body["total"] as? Int)
            #expect(total >= 3)
            #expect(body["limit"] as? Int == 2)
            let firstPage = Self.ids(body["logs"] as? [[String: Any]] ?? [])
            #expect(firstPage.count == 2)
            #expect(firstPage.compactMap { Int($0) } == firstPage.compactMap { Int($0) }.sorted(by: >))

            let newest = try ManagementFixture.array(
                try await fixture.send(.get, "/api/v2/logs", token: token, tenant: "alpha"))
            let oldestFirst = Array(Self.ids(newest).reversed())
            let head = try ManagementFixture.array(
                try await fixture.send(.get, "/api/v2/logs?take=2", token: token, tenant: "alpha"))
            #expect(Self.ids(head) == Array(oldestFirst.prefix(2)))
            let next = try ManagementFixture.array(
                try await fixture.send(
                    .get, "/api/v2/logs?from=\(oldestFirst[1])&take=100", token: token, tenant: "alpha"))
            #expect(Self.ids(next) == Array(oldestFirst.dropFirst(2)))
            let bad = try await fixture.send(.get, "/api/v2/logs?from=abc&take=2", token: token, tenant: "alpha")
            #expect(bad.status == .badRequest)
            #expect(try ManagementFixture.errorCode(bad) == "invalid_paging")
        }
    }

    @Test func oneEntryByIdAndNeverAnotherTenants() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            let alphaLogs = try ManagementFixture.array(
                try await fixture.send(.get, "/api/v2/logs", token: token, tenant: "alpha"))
            let id = try #require(Self.ids(alphaLogs).first)
            let single = try await fixture.send(.get, "/api/v2/logs/\(id)", token: token, tenant: "alpha")
            #expect(single.status == .ok)
            #expect(try single.json()["log_id"] as? String == id)
            let betaEntries = try await fixture.server.services.storage.auditEntries(
                AuditFilter(), window: ListWindow(offset: 0, limit: 1), tenantID: "beta")
            let betaID = try #require(betaEntries.items.first?.id)
            for path in [
                "/api/v2/logs/\(betaID)", "/api/v2/logs/999999", "/api/v2/logs/not-a-number", "/api/v2/logs/-1",
            ] {
                let response = try await fixture.send(.get, path, token: token, tenant: "alpha")
                #expect(response.status == .notFound)
                #expect(try ManagementFixture.errorCode(response) == "inexistent_log")
            }
            // alpha's organization token aimed at beta's log.
            #expect(try await fixture.send(.get, "/api/v2/logs", token: token, tenant: "beta").status == .forbidden)
        }
    }

    @Test func readingTheLogNeedsReadLogs() async throws {
        try await Self.run { fixture in
            let token = try await fixture.controlPlaneToken(organization: ManagementFixture.alphaOrganization)
            for path in ["/api/v2/logs", "/api/v2/logs/1"] {
                let response = try await fixture.send(.get, path, token: token, tenant: "alpha")
                #expect(response.status == .forbidden)
                #expect(try ManagementFixture.errorCode(response) == "insufficient_scope")
            }
        }
    }

    @Test func onlyPlatformStaffReadAnotherTenantsLogFromTheControlPlane() async throws {
        try await Self.run { fixture in
            let staff = try await fixture.controlPlaneToken(email: ManagementFixture.staffEmail, scope: "")
            let beta = try ManagementFixture.array(
                try await fixture.send(.get, "/api/v2/logs?tenant=beta", token: staff))
            #expect(!beta.isEmpty)
            #expect(beta.allSatisfy { $0["tenant_id"] as? String == "beta" })
            // The staff read itself is in beta's log, and it comes first.
            #expect(beta.first?["type"] as? String == "management_api.platform_staff")
            #expect(beta.first?["user_id"] as? String == "auth0|staff")
            let missing = try await fixture.send(.get, "/api/v2/logs?tenant=nowhere", token: staff)
            #expect(missing.status == .notFound)

            let admin = try await fixture.controlPlaneAdminToken()
            let refused = try await fixture.send(.get, "/api/v2/logs?tenant=beta", token: admin)
            #expect(refused.status == .forbidden)
            #expect(try ManagementFixture.errorCode(refused) == "forbidden_tenant")
            let manager = try await fixture.managerToken()
            let fromTenant = try await fixture.send(.get, "/api/v2/logs?tenant=beta", token: manager, tenant: "alpha")
            #expect(fromTenant.status == .forbidden)
        }
    }

    @Test func theLogIsReadOnly() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            let before = try await fixture.server.services.storage.events(tenantID: "alpha", limit: 100).count
            for method in [HTTPRequest.Method.post, .put, .patch, .delete] {
                let response = try await fixture.send(
                    method, "/api/v2/logs/1", token: token, tenant: "alpha", json: "{}")
                #expect(response.status.code >= 400 && response.status.code < 500)
            }
            #expect(try await fixture.server.services.storage.events(tenantID: "alpha", limit: 100).count == before)
        }
    }
}
