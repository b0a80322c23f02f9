import AuthHeroCore
import AuthHeroServer
import AuthHeroTesting
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AuthHeroSQLite

/// Who may call `/api/v2/*` where, with real tokens obtained through the login form and the token endpoint.
@Suite struct ManagementAuthorizationTests {
    private static let cpHost = LoginTestServer.host(ControlPlane.tenantID)

    private static func run(_ body: @Sendable (ManagementFixture) async throws -> Void) async throws {
        try await LoginTestServer.run { server in try await body(try await ManagementFixture.seed(server)) }
    }

    private static func expectError(
        _ response: TestClient.Response, _ status: HTTPResponse.Status, _ errorCode: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(response.status == status, sourceLocation: sourceLocation)
        let body = try response.json()
        #expect(body["statusCode"] as? Int == Int(status.code), sourceLocation: sourceLocation)
        #expect(body["error"] as? String == status.reasonPhrase, sourceLocation: sourceLocation)
        #expect(body["errorCode"] as? String == errorCode, sourceLocation: sourceLocation)
        #expect((body["message"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
        if status == .unauthorized {
            #expect(
                response.head.headerFields[.wwwAuthenticate] == "Bearer error=\"invalid_token\"",
                sourceLocation: sourceLocation)
        }
    }

    @Test func missingOrGarbageTokenIs401() async throws {
        try await Self.run { fixture in
            let path = ManagementFixture.userPath(fixture.server.alice["alpha"]!)
            try Self.expectError(
                try await fixture.get(path, host: LoginTestServer.host("alpha"), token: nil), .unauthorized,
                "invalid_token")
            try Self.expectError(
                try await fixture.get(path, host: LoginTestServer.host("alpha"), token: "not.a.jwt"), .unauthorized,
                "invalid_token")
        }
    }

    @Test func tenantsOwnTokenActsOnThatTenantOnly() async throws {
        try await Self.run { fixture in
            let token = try #require(try await fixture.machineToken().json()["access_token"] as? String)
            let aliceID = fixture.server.alice["alpha"]!
            let answer = try await fixture.get(
                ManagementFixture.userPath(aliceID), host: LoginTestServer.host("alpha"), token: token)
            #expect(answer.status == .ok)
            let user = try answer.json()
            #expect(user["user_id"] as? String == aliceID)
            #expect(user["email"] as? String == "alice@example.com")
            #expect(user["password_hash"] == nil && user["passwordHash"] == nil)
            let elsewhere = try await fixture.get(
                ManagementFixture.userPath(fixture.server.alice["beta"]!), host: LoginTestServer.host("beta"),
                token: token)
            try Self.expectError(elsewhere, .unauthorized, "invalid_token")
            try Self.expectError(
                try await fixture.get(
                    ManagementFixture.userPath("auth0|nobody"), host: LoginTestServer.host("alpha"), token: token),
                .notFound, "inexistent_user")
        }
    }

    @Test func tokenOfAnotherAudienceIs401() async throws {
        try await Self.run { fixture in
            let tokens = try await fixture.server.logInForTokens(["audience": LoginTestServer.audience])
            let token = try #require(tokens["access_token"] as? String)
            let answer = try await fixture.get(
                ManagementFixture.userPath(fixture.server.alice["alpha"]!), host: LoginTestServer.host("alpha"),
                token: token)
            try Self.expectError(answer, .unauthorized, "invalid_token")
        }
    }

    @Test func unsignedTokenIs401() async throws {
        try await Self.run { fixture in
            let now = Int(fixture.server.services.clock.now().timeIntervalSince1970)
            let header = Base64URL.encode(Data(#"{"alg":"none","typ":"JWT","kid":"any"}"#.utf8))
            let claims = Base64URL.encode(
                Data(
                    """
                    {"iss":"http://localhost:3000/","aud":"\(ManagementFixture.audience)","sub":"auth0|staff",\
                    "iat":\(now),"exp":\(now + 600),"scope":"read:users","permissions":["admin:tenants","read:users"]}
                    """.utf8))
            let answer = try await fixture.get(
                ManagementFixture.userPath(fixture.server.alice["beta"]!), host: Self.cpHost,
                token: "\(header).\(claims).",
                tenantHeader: "beta")
            try Self.expectError(answer, .unauthorized, "invalid_token")
            let audited = try await fixture.server.services.storage.events(tenantID: "beta", limit: 10)
            #expect(!audited.contains { $0.action == "management_api.platform_staff" })
        }
    }

    @Test func organizationTokenManagesOnlyItsLinkedTenant() async throws {
        try await Self.run { fixture in
            let token = try await fixture.controlPlaneToken(organization: ManagementFixture.alphaOrganization)
            let aliceAlpha = ManagementFixture.userPath(fixture.server.alice["alpha"]!)
            #expect(
                try await fixture.get(aliceAlpha, host: Self.cpHost, token: token, tenantHeader: "alpha").status == .ok)
            #expect(try await fixture.get(aliceAlpha, host: LoginTestServer.host("alpha"), token: token).status == .ok)
            let aliceBeta = ManagementFixture.userPath(fixture.server.alice["beta"]!)
            try Self.expectError(
                try await fixture.get(aliceBeta, host: Self.cpHost, token: token, tenantHeader: "beta"), .forbidden,
                "forbidden_tenant")
            try Self.expectError(
                try await fixture.get(aliceBeta, host: LoginTestServer.host("beta"), token: token), .forbidden,
                "forbidden_tenant")
            let aliceCP = ManagementFixture.userPath(fixture.server.alice[ControlPlane.tenantID]!)
            try Self.expectError(
                try await fixture.get(aliceCP, host: Self.cpHost, token: token), .forbidden, "forbidden_tenant")
        }
    }

    @Test func organizationClaimingATenantInItsMetadataIsNotLinked() async throws {
        try await Self.run { fixture in
            let storage = fixture.server.services.storage
            let cp = ControlPlane.tenantID
            let forged = "org_forgedBeta000000"
            try await storage.createOrganization(
                Organization(
                    tenantID: cp, id: forged, name: "beta-copy", displayName: "beta", metadata: ["tenant_id": "beta"],
                    createdAt: fixture.server.services.clock.now()),
                tenantID: cp)
            try await storage.addMember(
                OrganizationMembership(
                    tenantID: cp, organizationID: forged, userID: fixture.server.alice[cp]!,
                    createdAt: fixture.server.services.clock.now()),
                tenantID: cp)
            let token = try await fixture.controlPlaneToken(organization: forged)
            let answer = try await fixture.get(
                ManagementFixture.userPath(fixture.server.alice["beta"]!), host: Self.cpHost, token: token,
                tenantHeader: "beta")
            try Self.expectError(answer, .forbidden, "forbidden_tenant")
        }
    }

    @Test func portalTokenActsOnTheControlPlaneOnly() async throws {
        try await Self.run { fixture in
            let token = try await fixture.controlPlaneToken()
            let aliceCP = ManagementFixture.userPath(fixture.server.alice[ControlPlane.tenantID]!)
            #expect(try await fixture.get(aliceCP, host: Self.cpHost, token: token).status == .ok)
            let aliceAlpha = ManagementFixture.userPath(fixture.server.alice["alpha"]!)
            try Self.expectError(
                try await fixture.get(aliceAlpha, host: Self.cpHost, token: token, tenantHeader: "alpha"), .forbidden,
                "forbidden_tenant")
            try Self.expectError(
                try await fixture.get(aliceAlpha, host: LoginTestServer.host("alpha"), token: token), .forbidden,
                "forbidden_tenant")
        }
    }

    @Test func missingScopeIs403NamingTheScope() async throws {
        try await Self.run { fixture in
            let token = try await fixture.controlPlaneToken(email: ManagementFixture.carolEmail)
            let answer = try await fixture.get(
                ManagementFixture.userPath(fixture.server.alice[ControlPlane.tenantID]!), host: Self.cpHost,
                token: token)
            try Self.expectError(answer, .forbidden, "insufficient_scope")
            #expect(try answer.json()["message"] as? String == "Insufficient scope, expected any of: read:users")
        }
    }

    @Test func platformStaffReachesAnyTenantAndIsAudited() async throws {
        try await Self.run { fixture in
            let token = try await fixture.controlPlaneToken(
                email: ManagementFixture.staffEmail, scope: "read:users admin:tenants")
            let path = ManagementFixture.userPath(fixture.server.alice["beta"]!)
            #expect(try await fixture.get(path, host: Self.cpHost, token: token, tenantHeader: "beta").status == .ok)
            #expect(try await fixture.get(path, host: LoginTestServer.host("beta"), token: token).status == .ok)
            let events = try await fixture.server.services.storage.events(tenantID: "beta", limit: 10)
                .filter { $0.action == "management_api.platform_staff" }
            #expect(events.count == 2)
            #expect(events.allSatisfy { $0.actor == "auth0|staff" && $0.target == "GET \(path)" })
        }
    }

    @Test func platformStaffRequestFailsWhenItCannotBeAudited() async throws {
        try await Self.run { fixture in
            let token = try await fixture.controlPlaneToken(email: ManagementFixture.staffEmail)
            let storage = try #require(fixture.server.services.storage as? SQLiteStorage)
            // The audit log refuses the write, as a full disk or a broken audit store would.
            try await storage.registry.write { db in
                try db.execute(
                    sql: """
                        CREATE TRIGGER audit_down BEFORE INSERT ON audit_log
                        WHEN NEW.action = 'management_api.platform_staff'
                        BEGIN SELECT RAISE(ABORT, 'audit log unavailable'); END
                        """)
            }
            let answer = try await fixture.get(
                ManagementFixture.userPath(fixture.server.alice["beta"]!), host: Self.cpHost, token: token,
                tenantHeader: "beta")
            try Self.expectError(answer, .serviceUnavailable, "audit_unavailable")
            #expect(!answer.text.contains("alice@example.com"))
        }
    }

    @Test func tenantHeaderIsHonouredOnlyAtTheControlPlaneHost() async throws {
        try await Self.run { fixture in
            let token = try await fixture.controlPlaneToken(organization: ManagementFixture.alphaOrganization)
            let path = ManagementFixture.userPath(fixture.server.alice["alpha"]!)
            #expect(
                try await fixture.get(path, host: LoginTestServer.host("alpha"), token: token, tenantHeader: "alpha")
                    .status == .ok)
            try Self.expectError(
                try await fixture.get(path, host: LoginTestServer.host("alpha"), token: token, tenantHeader: "beta"),
                .badRequest, "invalid_tenant")
            try Self.expectError(
                try await fixture.get(path, host: Self.cpHost, token: token, tenantHeader: "no-such-tenant"), .notFound,
                "inexistent_tenant")
        }
    }
}
