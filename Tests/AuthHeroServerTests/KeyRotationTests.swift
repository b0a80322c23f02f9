import AuthHeroCore
import AuthHeroServer
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct KeyRotationTests {
    func publishedKeyIDs(_ server: LiveServer, _ tenantID: String) async throws -> [String] {
        let jwks = try jsonObject(
            try await server.send(.get, "/.well-known/jwks.json", host: LiveServer.host(tenantID)))
        return ((jwks["keys"] as? [[String: Any]]) ?? []).compactMap { $0["kid"] as? String }
    }

    @Test func rotatedKeyStaysPublishedUntilTheGracePeriodEnds() async throws {
        try await LiveServer.run { server in
            let old = try await publishedKeyIDs(server, "alpha")
            let new = try await server.services.keys.rotate(tenantID: "alpha", actor: "test")
            #expect(Set(try await publishedKeyIDs(server, "alpha")) == Set(old + [new]))

            let (header, _) = try jwtParts(try await server.accessToken("alpha"))
            #expect(header["kid"] as? String == new)

            server.clock.advance(by: 3599)
            #expect(Set(try await publishedKeyIDs(server, "alpha")) == Set(old + [new]))
            server.clock.advance(by: 2)
            #expect(try await publishedKeyIDs(server, "alpha") == [new])
        }
    }

    @Test func revokedKeyDisappearsAtOnceAndANewKeySigns() async throws {
        try await LiveServer.run { server in
            let old = try #require(try await publishedKeyIDs(server, "alpha").first)
            try await server.services.keys.revoke(tenantID: "alpha", kid: old, actor: "test")
            #expect(try await publishedKeyIDs(server, "alpha").contains(old) == false)

            let (header, _) = try jwtParts(try await server.accessToken("alpha"))
            #expect(header["kid"] as? String != old)
            #expect(try await publishedKeyIDs(server, "alpha") == [header["kid"] as? String])
        }
    }

    @Test func rotationAndRevocationAreAudited() async throws {
        try await LiveServer.run { server in
            let kid = try await server.services.keys.rotate(tenantID: "beta", actor: "auth0|admin")
            try await server.services.keys.revoke(tenantID: "beta", kid: kid, actor: "auth0|admin")
            let actions = try await server.services.storage.events(tenantID: "beta", limit: 2).map(\.action)
            #expect(actions == ["signing_key.revoked", "signing_key.rotated"])
        }
    }
}
