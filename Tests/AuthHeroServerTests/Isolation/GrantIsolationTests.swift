import AuthHeroCore
import AuthHeroSQLite
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Grant state never crosses tenants, in both storage layouts: a code or refresh token issued by beta is worthless at
/// alpha (whose SPA client has the same id), the failed attempt does not spend it, and alpha publishes none of
/// beta's keys. Serialized: each test starts a server and logs in.
@Suite(.serialized) struct GrantIsolationTests {
    @Test(arguments: StorageLayout.allCases)
    func anotherTenantsAuthorizationCodeCannotBeRedeemedHere(layout: StorageLayout) async throws {
        try await LoginTestServer.run(layout: layout) { server in
            let pkce = PKCEPair()
            let code = try await server.logInForCode(server.browser(), tenantID: "beta", pkce: pkce)

            let atAlpha = try await server.exchange(code, tenantID: "alpha", verifier: pkce.verifier)
            #expect(atAlpha.status == .badRequest)
            #expect(try atAlpha.json()["error"] as? String == "invalid_grant")

            let atBeta = try await server.exchange(code, tenantID: "beta", verifier: pkce.verifier)
            #expect(atBeta.status == .ok, "the attempt at alpha did not consume beta's code")
        }
    }

    @Test(arguments: StorageLayout.allCases)
    func anotherTenantsRefreshTokenCannotBeUsedHere(layout: StorageLayout) async throws {
        try await LoginTestServer.run(layout: layout) { server in
            let tokens = try await server.logInForTokens(tenantID: "beta")
            let refreshToken = try #require(tokens["refresh_token"] as? String)

            let atAlpha = try await server.refresh(refreshToken, tenantID: "alpha")
            #expect(atAlpha.status == .badRequest)
            #expect(try atAlpha.json()["error"] as? String == "invalid_grant")

            #expect(try await server.refresh(refreshToken, tenantID: "beta").status == .ok)
        }
    }

    @Test(arguments: StorageLayout.allCases)
    func aTenantPublishesOnlyItsOwnKeys(layout: StorageLayout) async throws {
        try await LoginTestServer.run(layout: layout) { server in
            var kids: [String: Set<String>] = [:]
            for tenantID in ["alpha", "beta"] {
                let jwks = try await server.browser().get(
                    "/.well-known/jwks.json", host: LoginTestServer.host(tenantID))
                #expect(jwks.status == .ok)
                let keys = try #require(try jwks.json()["keys"] as? [[String: Any]])
                kids[tenantID] = Set(keys.compactMap { $0["kid"] as? String })
                #expect(!(kids[tenantID] ?? []).isEmpty)
            }
            #expect(kids["alpha"]!.isDisjoint(with: kids["beta"]!))
        }
    }
}
