import AuthHeroCore
import AuthHeroServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct DiscoveryTests {
    @Test func discoveryIssuerIsTheTenantSubdomainWithTrailingSlash() async throws {
        try await LiveServer.run { server in
            let response = try await server.send(
                .get, "/.well-known/openid-configuration", host: LiveServer.host("alpha"))
            #expect(response.status == .ok)
            let document = try jsonObject(response)
            #expect(document["issuer"] as? String == "http://alpha.localhost:3000/")
            #expect(document["jwks_uri"] as? String == "http://alpha.localhost:3000/.well-known/jwks.json")
            #expect(document["token_endpoint"] as? String == "http://alpha.localhost:3000/oauth/token")
            for field in [
                "authorization_endpoint", "response_types_supported", "subject_types_supported",
                "id_token_signing_alg_values_supported", "code_challenge_methods_supported", "grant_types_supported",
                "token_endpoint_auth_methods_supported", "userinfo_endpoint", "revocation_endpoint",
                "end_session_endpoint",
                "scopes_supported", "claims_supported",
            ] {
                #expect(document[field] != nil, "missing \(field)")
            }
            #expect((document["id_token_signing_alg_values_supported"] as? [String])?.contains("RS256") == true)
        }
    }

    @Test func controlPlaneAnswersAtTheBaseHostAndLoopbackAliases() async throws {
        try await LiveServer.run { server in
            for host in ["localhost:3000", "127.0.0.1:3000", "LOCALHOST:3000"] {
                let response = try await server.send(.get, "/.well-known/openid-configuration", host: host)
                #expect(try jsonObject(response)["issuer"] as? String == "http://localhost:3000/", "host \(host)")
            }
        }
    }

    @Test func twoTenantsPublishDifferentKeys() async throws {
        try await LiveServer.run { server in
            let alpha = try jsonObject(
                try await server.send(.get, "/.well-known/jwks.json", host: LiveServer.host("alpha")))
            let beta = try jsonObject(
                try await server.send(.get, "/.well-known/jwks.json", host: LiveServer.host("beta")))
            let alphaKeys = (alpha["keys"] as? [[String: Any]]) ?? []
            let betaKeys = (beta["keys"] as? [[String: Any]]) ?? []
            #expect(alphaKeys.count == 1 && betaKeys.count == 1)
            #expect(alphaKeys.first?["kid"] as? String != betaKeys.first?["kid"] as? String)
            #expect(alphaKeys.first?["n"] as? String != betaKeys.first?["n"] as? String)
        }
    }

    @Test func jwksPublishesOnlyPublicMembers() async throws {
        try await LiveServer.run { server in
            let jwks = try jsonObject(
                try await server.send(.get, "/.well-known/jwks.json", host: LiveServer.host("alpha")))
            let key = try #require((jwks["keys"] as? [[String: Any]])?.first)
            // The certificate members are public too: x5c holds the self-signed certificate of the same public key.
            #expect(Set(key.keys) == ["kty", "kid", "use", "alg", "n", "e", "x5c", "x5t"])
            #expect(key["use"] as? String == "sig" && key["alg"] as? String == "RS256")
            let n = try #require(key["n"] as? String)
            #expect(key["kid"] as? String == JWKThumbprint.rsa(modulus: n, exponent: key["e"] as? String ?? ""))
        }
    }

    @Test(arguments: [
        "unknown.localhost:3000", "evil.example.com", "control-plane.localhost:3000", "a.b.localhost:3000", "",
    ])
    func unknownHostIsRefusedNotServedAsControlPlane(host: String) async throws {
        try await LiveServer.run { server in
            let response = try await server.send(.get, "/.well-known/openid-configuration", host: host)
            #expect(response.status == .notFound)
            #expect(try jsonObject(response)["error"] as? String == "not_found")
        }
    }

    @Test func verifiedCustomDomainServesItsTenantOverHTTPS() async throws {
        try await LiveServer.run { server in
            let domain = CustomDomain(
                domain: "login.shop.test", tenantID: "alpha", verificationToken: "t", createdAt: Date())
            try await server.services.storage.addCustomDomain(domain, tenantID: "alpha")
            let pending = try await server.send(.get, "/.well-known/openid-configuration", host: "login.shop.test")
            #expect(pending.status == .notFound)

            try await server.services.storage.markCustomDomainVerified("login.shop.test", tenantID: "alpha", at: Date())
            let verified = try await server.send(.get, "/.well-known/openid-configuration", host: "login.shop.test")
            #expect(try jsonObject(verified)["issuer"] as? String == "https://login.shop.test/")
        }
    }

    @Test func forwardedHostIsIgnoredUnlessTrusted() async throws {
        try await LiveServer.run { server in
            let response = try await server.send(
                .get, "/.well-known/openid-configuration", host: "localhost:3000",
                headers: [.init("X-Forwarded-Host")!: "alpha.localhost:3000"])
            #expect(try jsonObject(response)["issuer"] as? String == "http://localhost:3000/")
        }
        try await LiveServer.run(trustForwardedHeaders: true) { server in
            let response = try await server.send(
                .get, "/.well-known/openid-configuration", host: "127.0.0.1:8080",
                headers: [.init("X-Forwarded-Host")!: "alpha.localhost", .init("X-Forwarded-Proto")!: "https"])
            #expect(try jsonObject(response)["issuer"] as? String == "https://alpha.localhost/")
        }
    }
}
