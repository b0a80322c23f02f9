import AuthHeroCore
import AuthHeroTesting
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Refresh tokens rotate on every use, a reused one revokes its family, and they never change organization or
/// tenant.
@Suite struct RefreshTokenTests {
    @Test func refreshRotatesAndAnswersWithANewIDToken() async throws {
        try await LoginTestServer.run { server in
            let first = try #require(try await server.logInForTokens()["refresh_token"] as? String)
            let answer = try await server.refresh(first)
            #expect(answer.status == .ok)
            let body = try answer.json()
            let second = try #require(body["refresh_token"] as? String)
            #expect(second != first)
            let idToken = try jwtClaims(try #require(body["id_token"] as? String))
            #expect(idToken["sub"] as? String == server.alice["alpha"])
            #expect(try await server.refresh(second).status == .ok)
        }
    }

    @Test func reuseOfARotatedTokenRevokesTheWholeFamily() async throws {
        try await LoginTestServer.run { server in
            let first = try #require(try await server.logInForTokens()["refresh_token"] as? String)
            let second = try #require(try await server.refresh(first).json()["refresh_token"] as? String)

            let reuse = try await server.refresh(first)
            #expect(reuse.status == .badRequest)
            #expect(try reuse.json()["error"] as? String == "invalid_grant")
            #expect(try await server.refresh(second).json()["error"] as? String == "invalid_grant")
        }
    }

    @Test func theReuseLeewayToleratesAnImmediateRetry() async throws {
        var settings = TenantSettings()
        settings.refreshTokenReuseLeewaySeconds = 30
        try await LoginTestServer.run(settings: settings) { server in
            let first = try #require(try await server.logInForTokens()["refresh_token"] as? String)
            let second = try #require(try await server.refresh(first).json()["refresh_token"] as? String)
            #expect(try await server.refresh(first).status == .ok)
            server.clock.advance(by: 60)
            #expect(try await server.refresh(first).json()["error"] as? String == "invalid_grant")
            #expect(try await server.refresh(second).json()["error"] as? String == "invalid_grant")
        }
    }

    @Test func aRefreshTokenOfOneTenantIsInvalidGrantAtAnother() async throws {
        try await LoginTestServer.run { server in
            let token = try #require(try await server.logInForTokens()["refresh_token"] as? String)
            #expect(try await server.refresh(token, tenantID: "beta").json()["error"] as? String == "invalid_grant")
            #expect(try await server.refresh(token).status == .ok)
        }
    }

    @Test func refreshTokenCannotSwitchOrganization() async throws {
        try await LoginTestServer.run { server in
            let withoutOrganization = try #require(try await server.logInForTokens()["refresh_token"] as? String)
            let switched = try await server.refresh(
                withoutOrganization, ["organization": LoginTestServer.organizationID])
            #expect(switched.status == .badRequest)
            let body = try switched.json()
            #expect(body["error"] as? String == "invalid_grant")
            #expect(body["access_token"] == nil)

            let organizationTokens = try await server.logInForTokens(
                ["organization": LoginTestServer.organizationID, "audience": LoginTestServer.audience])
            let bound = try #require(organizationTokens["refresh_token"] as? String)
            #expect(
                try await server.refresh(bound, ["organization": "org_other000000000"]).json()["error"] as? String
                    == "invalid_grant")

            let kept = try await server.refresh(bound).json()
            #expect(
                try jwtClaims(try #require(kept["access_token"] as? String))["org_id"] as? String
                    == LoginTestServer.organizationID)
            #expect(
                try jwtClaims(try #require(kept["id_token"] as? String))["org_id"] as? String
                    == LoginTestServer.organizationID)
        }
    }
}
