import AuthHeroCore
import AuthHeroTesting
import Testing

@Suite struct ClientCredentialsTests {
    @Test func theBackendSampleClientGetsAManagementTokenWithItsGrantedScopes() async throws {
        try await TestControlPlane.run { server in
            let answer = try await server.backendSampleToken(audience: "urn:authhero:management")
            #expect(answer.status == .ok)
            let token = try #require(try answer.json()["access_token"] as? String)
            let claims = try jwtClaims(token)
            #expect(claims["iss"] as? String == TestControlPlane.baseURL)
            let scopes = Set(((claims["scope"] as? String) ?? "").split(separator: " ").map(String.init))
            #expect(scopes == ["read:users", "read:tenants", "admin:tenants"])
        }
    }

    @Test func theBackendSampleClientGetsAnInternalPlatformToken() async throws {
        try await TestControlPlane.run { server in
            let answer = try await server.backendSampleToken(audience: "internal:platform-api")
            #expect(answer.status == .ok)
            let claims = try jwtClaims(try #require(try answer.json()["access_token"] as? String))
            #expect((claims["scope"] as? String)?.contains("analytics:read") == true)
        }
    }

    @Test func aWrongSecretGetsNoToken() async throws {
        try await TestControlPlane.run { server in
            let seed = try #require(server.seed)
            let answer = try await server.tokenRequest([
                "grant_type": "client_credentials", "client_id": seed.backendSampleClientID,
                "client_secret": "not-the-secret", "audience": "urn:authhero:management",
            ])
            #expect(answer.status == .unauthorized)
            #expect(try answer.json()["error"] as? String == "invalid_client")
        }
    }

    @Test func theCustomerAPIIsNotGrantedToTheBackendSample() async throws {
        try await TestControlPlane.run { server in
            let answer = try await server.backendSampleToken(audience: "https://api.yourplatform.com")
            #expect(answer.status == .forbidden)
        }
    }
}
