import AuthHeroCore
import AuthHeroServer
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Access outlives nothing: once a member is removed, a user blocked or deleted, or a client deleted, the tokens
/// already issued to them stop working at the Management API, and their refresh tokens stop minting new ones. In the
/// process that made the change this holds on the next request; a change this process did not make (another
/// process, or storage written directly) is seen once the live-access cache entry expires, 5 s later.
/// Serialized: every test starts a server and logs in.
@Suite(.serialized) struct LiveAccessTests {
    private static let removedMessage =
        "The user of this token is no longer a member of organization \(ManagementFixture.alphaOrganization); ask an "
        + "administrator of the tenant to add you again."

    private static func run(_ body: @Sendable (ManagementFixture) async throws -> Void) async throws {
        try await LoginTestServer.run { server in try await body(try await ManagementFixture.seed(server)) }
    }

    /// Expects exactly Auth0's error body with `status`, `errorCode` and `message`, and nothing else.
    private static func expectRefused(
        _ response: TestClient.Response, _ status: HTTPResponse.Status, _ errorCode: String, _ message: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(response.status == status, sourceLocation: sourceLocation)
        let body = try response.json()
        #expect(body.keys.sorted() == ["error", "errorCode", "message", "statusCode"], sourceLocation: sourceLocation)
        #expect(body["statusCode"] as? Int == Int(status.code), sourceLocation: sourceLocation)
        #expect(body["errorCode"] as? String == errorCode, sourceLocation: sourceLocation)
        #expect(body["message"] as? String == message, sourceLocation: sourceLocation)
    }

    /// A control-plane login of the manager for alpha's organization on the customer API, which issues refresh
    /// tokens: the `org_id` tokens a backend verifies offline.
    private static func managerRefreshToken(_ fixture: ManagementFixture) async throws -> String {
        let server = fixture.server
        let pkce = PKCEPair()
        let code = try await server.logInForCode(
            server.browser(), tenantID: ControlPlane.tenantID, pkce: pkce, email: ManagementFixture.managerEmail,
            ["organization": ManagementFixture.alphaOrganization])
        let tokens = try await server.exchange(code, tenantID: ControlPlane.tenantID, verifier: pkce.verifier)
        #expect(tokens.status == .ok)
        return try #require(try tokens.json()["refresh_token"] as? String)
    }

    private static func removeManager(_ fixture: ManagementFixture, adminToken: String) async throws {
        let removed = try await fixture.send(
            .delete, "/api/v2/organizations/\(ManagementFixture.alphaOrganization)/members", token: adminToken,
            json: #"{"members":["\#(ManagementFixture.managerID)"]}"#)
        #expect(removed.status == .noContent)
    }

    @Test func aRemovedMemberLosesManagementAccessAndItsRefreshTokensAtOnce() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            let refreshToken = try await Self.managerRefreshToken(fixture)
            #expect(try await fixture.send(.get, "/api/v2/users", token: token, tenant: "alpha").status == .ok)
            let admin = try await fixture.controlPlaneAdminToken()

            try await Self.removeManager(fixture, adminToken: admin)

            try Self.expectRefused(
                try await fixture.send(.get, "/api/v2/users", token: token, tenant: "alpha"), .forbidden,
                "forbidden_tenant", Self.removedMessage)
            let refreshed = try await fixture.server.refresh(refreshToken, tenantID: ControlPlane.tenantID)
            #expect(refreshed.status == .badRequest)
            #expect(try refreshed.json()["error"] as? String == "invalid_grant")
            #expect(try refreshed.json()["access_token"] == nil)
        }
    }

    @Test func aRefreshTokenStopsMintingOrganizationTokensOnceTheMembershipIsGone() async throws {
        try await Self.run { fixture in
            let refreshToken = try await Self.managerRefreshToken(fixture)
            // Removed without revoking anything, as a removal written before revocation existed left it.
            try await fixture.server.services.storage.removeMember(
                userID: ManagementFixture.managerID, organizationID: ManagementFixture.alphaOrganization,
                tenantID: ControlPlane.tenantID)

            let refreshed = try await fixture.server.refresh(refreshToken, tenantID: ControlPlane.tenantID)

            #expect(refreshed.status == .badRequest)
            let body = try refreshed.json()
            #expect(body["error"] as? String == "invalid_grant")
            #expect(
                body["error_description"] as? String
                    == "The user is no longer a member of organization \(ManagementFixture.alphaOrganization); log "
                    + "in again.")
            #expect(body["access_token"] == nil)
        }
    }

    @Test func aBlockedUserLosesManagementAccessAtOnce() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            #expect(try await fixture.send(.get, "/api/v2/users", token: token, tenant: "alpha").status == .ok)
            let admin = try await fixture.controlPlaneAdminToken()

            let blocked = try await fixture.send(
                .patch, ManagementFixture.userPath(ManagementFixture.managerID), token: admin,
                json: #"{"blocked":true}"#)
            #expect(blocked.status == .ok)

            try Self.expectRefused(
                try await fixture.send(.get, "/api/v2/users", token: token, tenant: "alpha"), .unauthorized,
                "invalid_token",
                "The user of this token no longer exists or is blocked; log in again as an active user.")
        }
    }

    @Test func aDeletedUserLosesManagementAccessAtOnce() async throws {
        try await Self.run { fixture in
            let token = try await fixture.controlPlaneToken(email: ManagementFixture.staffEmail)
            #expect(try await fixture.send(.get, "/api/v2/users", token: token, tenant: "alpha").status == .ok)
            let admin = try await fixture.controlPlaneAdminToken()

            let deleted = try await fixture.send(.delete, ManagementFixture.userPath("auth0|staff"), token: admin)
            #expect(deleted.status == .noContent)

            try Self.expectRefused(
                try await fixture.send(.get, "/api/v2/users", token: token, tenant: "alpha"), .unauthorized,
                "invalid_token",
                "The user of this token no longer exists or is blocked; log in again as an active user.")
            #expect(
                try await fixture.server.services.storage.user("auth0|staff", tenantID: ControlPlane.tenantID) == nil)
        }
    }

    @Test func aDeletedClientsTokenIsRefusedAtOnce() async throws {
        try await Self.run { fixture in
            let machine = try #require(try await fixture.machineToken().json()["access_token"] as? String)
            #expect(try await fixture.send(.get, "/api/v2/users", token: machine, tenant: "alpha").status == .ok)
            let manager = try await fixture.managerToken()

            let deleted = try await fixture.send(.delete, "/api/v2/clients/m2m", token: manager, tenant: "alpha")
            #expect(deleted.status == .noContent)

            try Self.expectRefused(
                try await fixture.send(.get, "/api/v2/users", token: machine, tenant: "alpha"), .unauthorized,
                "invalid_token",
                "The client m2m of this token no longer exists; register a client and request a new token.")
        }
    }

    @Test func aRemovalThisProcessDidNotMakeIsSeenWithinFiveSeconds() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            #expect(try await fixture.send(.get, "/api/v2/users", token: token, tenant: "alpha").status == .ok)
            // Another process removes the member: this process hears nothing and trusts its cache entry.
            try await fixture.server.services.storage.removeMember(
                userID: ManagementFixture.managerID, organizationID: ManagementFixture.alphaOrganization,
                tenantID: ControlPlane.tenantID)
            fixture.server.clock.advance(by: 4.9)
            #expect(try await fixture.send(.get, "/api/v2/users", token: token, tenant: "alpha").status == .ok)

            fixture.server.clock.advance(by: 0.1)

            try Self.expectRefused(
                try await fixture.send(.get, "/api/v2/users", token: token, tenant: "alpha"), .forbidden,
                "forbidden_tenant", Self.removedMessage)
        }
    }
}
