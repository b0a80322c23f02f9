import AuthHeroCore
import AuthHeroServer
import Foundation
import Testing

/// `offline_access` yields a refresh token only where the API allows it (Auth0's `allow_offline_access`).
@Suite struct OfflineAccessTests {
    @Test func anAPIThatAllowsOfflineAccessGetsARefreshToken() async throws {
        try await LoginTestServer.run { server in
            let body = try await server.logInForTokens(["audience": LoginTestServer.audience])
            #expect(body["refresh_token"] is String)
            #expect((body["scope"] as? String)?.split(separator: " ").contains("offline_access") == true)
        }
    }

    @Test func anAPIThatDoesNotAllowItGetsNoRefreshTokenAndTheScopeSaysSo() async throws {
        try await LoginTestServer.run { server in
            // Auth0's default for a new API: no offline access.
            let reports = "https://reports.example.com"
            try await server.services.storage.createResourceServer(
                ResourceServer(tenantID: "alpha", id: "rs_reports", identifier: reports, name: "Reports"),
                tenantID: "alpha")
            let body = try await server.logInForTokens(["audience": reports])
            #expect(body["access_token"] is String)
            #expect(body["id_token"] is String)
            #expect(body["refresh_token"] == nil)
            #expect((body["scope"] as? String)?.split(separator: " ").contains("offline_access") == false)
        }
    }

    @Test func aSignInWithoutAnAudienceMayStillGoOffline() async throws {
        try await LoginTestServer.run { server in
            let body = try await server.logInForTokens()
            #expect(body["refresh_token"] is String)
        }
    }
}
