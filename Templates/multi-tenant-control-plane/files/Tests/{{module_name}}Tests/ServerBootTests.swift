import AuthHeroCore
import AuthHeroTesting
import Foundation
import Testing

@testable import {{module_name}}

@Suite struct ServerBootTests {
    @Test(.enabled(if: FileManager.default.fileExists(atPath: TestControlPlane.generatedDatabase.path),
                   "data/control-plane.sqlite is written by create-authhero and git-ignored"))
    func theServerBootsOnTheDatabaseCreateAuthHeroSeeded() async throws {
        try await TestControlPlane.run(copyingGeneratedDatabase: true) { server in
            let discovery = try await server.browser().get("/.well-known/openid-configuration", host: TestControlPlane.host())
            #expect(discovery.status == .ok)
            #expect(try discovery.json()["issuer"] as? String == TestControlPlane.baseURL)
            let tenant = try #require(try await server.runtime.storage.tenant(ControlPlane.tenantID))
            #expect(tenant.settings.allowOrganizationNameInToken)
        }
    }

    @Test func discoveryAndKeysAnswerOnAFreshlySeededControlPlane() async throws {
        try await TestControlPlane.run { server in
            let discovery = try await server.browser().get("/.well-known/openid-configuration", host: TestControlPlane.host())
            #expect(discovery.status == .ok)
            let document = try discovery.json()
            #expect(document["issuer"] as? String == TestControlPlane.baseURL)
            #expect(document["jwks_uri"] as? String == TestControlPlane.baseURL + ".well-known/jwks.json")
            let jwks = try await server.browser().get("/.well-known/jwks.json", host: TestControlPlane.host())
            #expect((try jwks.json()["keys"] as? [[String: Any]])?.first?["alg"] as? String == "RS256")
        }
    }

    @Test func anUnknownHostIsRefusedNotServedAsTheControlPlane() async throws {
        try await TestControlPlane.run { server in
            let answer = try await server.browser().get("/.well-known/openid-configuration", host: "nobody.localhost:{{port}}")
            #expect(answer.status == .notFound)
        }
    }
}
