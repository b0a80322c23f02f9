import AuthHeroCore
import AuthHeroServer
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// What a `client_credentials` request reads is remembered (``ClientCredentialsCache``), yet every change made
/// through the Management API applies to the very next token request: each test first gets a token, so the cache
/// holds the client, its grant and the API, then changes one of them and asks again.
@Suite(.serialized) struct ClientCredentialsCacheTests {
    private static func run(_ body: @Sendable (ManagementFixture) async throws -> Void) async throws {
        try await LoginTestServer.run { server in try await body(try await ManagementFixture.seed(server)) }
    }

    private static let ownAPI = "https://orders.example.com"

    /// A token for `audience` with `secret`, or the error answer.
    private static func token(
        _ fixture: ManagementFixture, secret: String? = nil, audience: String = ManagementFixture.audience
    ) async throws -> TestClient.Response {
        try await fixture.server.tokenRequest(
            "alpha",
            form: [
                "grant_type": "client_credentials", "client_id": "m2m", "client_secret": secret ?? fixture.m2mSecret,
                "audience": audience,
            ])
    }

    private static func grantID(_ fixture: ManagementFixture, audience: String = ManagementFixture.audience)
        async throws -> String
    {
        try #require(
            try await fixture.server.services.storage.clientGrant(
                clientID: "m2m", audience: audience, tenantID: "alpha")
        ).id
    }

    @Test func aRotatedSecretIsRefusedOnTheNextRequest() async throws {
        try await Self.run { fixture in
            #expect(try await Self.token(fixture).status == .ok)
            let manager = try await fixture.managerToken()
            let rotated = try await fixture.send(
                .post, "/api/v2/clients/m2m/rotate-secret", token: manager, tenant: "alpha")
            #expect(rotated.status == .ok)
            let secret = try #require(try rotated.json()["client_secret"] as? String)
            try expectError(try await Self.token(fixture), status: .unauthorized, code: "invalid_client")
            #expect(try await Self.token(fixture, secret: secret).status == .ok)
        }
    }

    @Test func aDeletedClientIsRefusedOnTheNextRequest() async throws {
        try await Self.run { fixture in
            #expect(try await Self.token(fixture).status == .ok)
            let manager = try await fixture.managerToken()
            #expect(
                try await fixture.send(.delete, "/api/v2/clients/m2m", token: manager, tenant: "alpha").status
                    == .noContent)
            try expectError(try await Self.token(fixture), status: .unauthorized, code: "invalid_client")
        }
    }

    @Test func aDeletedGrantIsRefusedOnTheNextRequest() async throws {
        try await Self.run { fixture in
            #expect(try await Self.token(fixture).status == .ok)
            let manager = try await fixture.managerToken()
            let grantID = try await Self.grantID(fixture)
            #expect(
                try await fixture.send(.delete, "/api/v2/client-grants/\(grantID)", token: manager, tenant: "alpha")
                    .status == .noContent)
            try expectError(try await Self.token(fixture), status: .forbidden, code: "access_denied")
        }
    }

    @Test func aChangedGrantScopeIsIssuedOnTheNextRequest() async throws {
        try await Self.run { fixture in
            #expect(try await Self.token(fixture).json()["scope"] as? String == "read:users")
            let manager = try await fixture.managerToken()
            let grantID = try await Self.grantID(fixture)
            let patched = try await fixture.send(
                .patch, "/api/v2/client-grants/\(grantID)", token: manager, tenant: "alpha",
                json: #"{"scope":["read:users","update:users"]}"#)
            #expect(patched.status == .ok)
            let token = try await Self.token(fixture)
            #expect(token.status == .ok)
            #expect(try token.json()["scope"] as? String == "read:users update:users")
        }
    }

    @Test func aChangedOrDeletedAPIIsSeenOnTheNextRequest() async throws {
        try await Self.run { fixture in
            let manager = try await fixture.managerToken()
            let created = try await fixture.send(
                .post, "/api/v2/resource-servers", token: manager, tenant: "alpha",
                json: #"{"identifier":"\#(Self.ownAPI)","scopes":[{"value":"read:orders"}],"token_lifetime":600}"#)
            #expect(created.status == .created)
            let apiID = try #require(try created.json()["id"] as? String)
            let granted = try await fixture.send(
                .post, "/api/v2/client-grants", token: manager, tenant: "alpha",
                json: #"{"client_id":"m2m","audience":"\#(Self.ownAPI)","scope":["read:orders"]}"#)
            #expect(granted.status == .created)
            #expect(try await Self.token(fixture, audience: Self.ownAPI).json()["expires_in"] as? Int == 600)

            let patched = try await fixture.send(
                .patch, "/api/v2/resource-servers/\(apiID)", token: manager, tenant: "alpha",
                json: #"{"token_lifetime":900}"#)
            #expect(patched.status == .ok)
            #expect(try await Self.token(fixture, audience: Self.ownAPI).json()["expires_in"] as? Int == 900)

            #expect(
                try await fixture.send(.delete, "/api/v2/resource-servers/\(apiID)", token: manager, tenant: "alpha")
                    .status == .noContent)
            try expectError(
                try await Self.token(fixture, audience: Self.ownAPI), status: .badRequest, code: "invalid_request")
        }
    }

    @Test func aWrongSecretIsRefusedWhileTheClientIsRemembered() async throws {
        try await Self.run { fixture in
            #expect(try await Self.token(fixture).status == .ok)
            try expectError(
                try await Self.token(fixture, secret: "not-the-secret"), status: .unauthorized, code: "invalid_client")
            try expectError(try await Self.token(fixture, secret: ""), status: .unauthorized, code: "invalid_client")
        }
    }
}
