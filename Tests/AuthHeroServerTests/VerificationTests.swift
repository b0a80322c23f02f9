import AuthHeroCore
import AuthHeroServer
import AuthHeroTesting
import AuthHeroVerify
import Foundation
import JWTKit
import Testing

/// Tokens issued over HTTP, checked with `AuthHeroVerify` reading each tenant's keys in process.
@Suite struct VerificationTests {
    static let alphaIssuer = "http://alpha.localhost:3000/"
    static let betaIssuer = "http://beta.localhost:3000/"

    /// A verifier for one tenant: its issuer, its keys, the seeded API.
    func verifier(
        _ server: LiveServer, tenantID: String, audience: String = LiveServer.audience,
        now: @escaping @Sendable () -> Date = { Date() }
    ) -> TokenVerifier {
        let keys = server.services.keys
        return TokenVerifier(
            policy: VerificationPolicy(issuers: ["http://\(tenantID).localhost:3000/"], audiences: [audience]),
            keys: LocalJWKSSource { try await keys.keyRing(tenantID: tenantID).jwks }, now: now)
    }

    /// Claims like a real alpha token, for forging attacks.
    func claims(issuer: String) -> AccessTokenClaims {
        let now = Date()
        return AccessTokenClaims(
            iss: IssuerClaim(value: issuer), sub: SubjectClaim(value: "m2m@clients"),
            aud: AudienceClaim(value: LiveServer.audience),
            clientID: "m2m", azp: "m2m", iat: IssuedAtClaim(value: now), exp: ExpirationClaim(value: now + 600),
            jti: IDClaim(value: "forged"), scope: "read:data write:data", permissions: ["read:data", "write:data"],
            gty: nil,
            orgID: nil, orgName: nil)
    }

    func currentKey(_ server: LiveServer, _ tenantID: String) async throws -> SigningKey {
        try #require(try await server.services.storage.keys(tenantID: tenantID).first { $0.status == .current })
    }

    @Test func tokenVerifiesAtItsOwnTenantWithTypedClaims() async throws {
        try await LiveServer.run { server in
            let verified = try await verifier(server, tenantID: "alpha").verify(try await server.accessToken("alpha"))
            #expect(verified.issuer == Self.alphaIssuer)
            #expect(verified.subject == "m2m@clients")
            #expect(verified.clientID == "m2m")
            #expect(verified.grantType == "client-credentials")
            #expect(verified.permissions == ["read:data"])
            #expect(verified.hasScope("read:data") && !verified.hasScope("write:data"))
            #expect(verified.algorithm == "RS256")
        }
    }

    @Test func tokenOfTenantAIsRejectedByTenantB() async throws {
        try await LiveServer.run { server in
            let token = try await server.accessToken("alpha")
            await #expect(throws: TokenVerificationError.self) {
                try await verifier(server, tenantID: "beta").verify(token)
            }
        }
    }

    @Test func tokenClaimingTenantBButSignedWithTenantAKeyIsRejected() async throws {
        try await LiveServer.run { server in
            let alphaKey = try await currentKey(server, "alpha")
            let collection = JWTKeyCollection()
            await collection.add(
                rsa: try Insecure.RSA.PrivateKey(pem: alphaKey.privateKeyPEM), digestAlgorithm: .sha256,
                kid: JWKIdentifier(string: alphaKey.kid))
            let forged = try await collection.sign(claims(issuer: Self.betaIssuer), header: ["typ": "at+jwt"])
            await #expect(throws: TokenVerificationError.self) {
                try await verifier(server, tenantID: "beta").verify(forged)
            }

            let betaKey = try await currentKey(server, "beta")
            let sameKidForged = try await collection.sign(
                claims(issuer: Self.betaIssuer), kid: JWKIdentifier(string: betaKey.kid), header: ["typ": "at+jwt"])
            await #expect(throws: TokenVerificationError.self) {
                try await verifier(server, tenantID: "beta").verify(sameKidForged)
            }
        }
    }

    @Test func algorithmNoneIsRejected() async throws {
        try await LiveServer.run { server in
            let token = try await server.accessToken("alpha")
            let kid = try await currentKey(server, "alpha").kid
            let header = Base64URL.encode(Data(#"{"alg":"none","kid":"\#(kid)","typ":"at+jwt"}"#.utf8))
            let unsigned = header + "." + token.split(separator: ".")[1] + "."
            await #expect(throws: TokenVerificationError.self) {
                try await verifier(server, tenantID: "alpha").verify(unsigned)
            }
        }
    }

    @Test func hs256SignedWithThePublicKeyAsSecretIsRejected() async throws {
        try await LiveServer.run { server in
            let key = try await currentKey(server, "alpha")
            let publicPEM = try Insecure.RSA.PrivateKey(pem: key.privateKeyPEM).publicKey.pemRepresentation
            let collection = JWTKeyCollection()
            await collection.add(
                hmac: HMACKey(from: publicPEM), digestAlgorithm: .sha256, kid: JWKIdentifier(string: key.kid))
            let forged = try await collection.sign(claims(issuer: Self.alphaIssuer), header: ["typ": "at+jwt"])
            await #expect(throws: TokenVerificationError.self) {
                try await verifier(server, tenantID: "alpha").verify(forged)
            }
        }
    }

    @Test func unknownKeyIDIsRejected() async throws {
        try await LiveServer.run { server in
            let collection = JWTKeyCollection()
            await collection.add(ecdsa: ES256PrivateKey(), kid: "not-published")
            let forged = try await collection.sign(
                claims(issuer: Self.alphaIssuer), kid: "not-published", header: ["typ": "at+jwt"])
            await #expect(throws: TokenVerificationError.unknownKeyID("not-published")) {
                try await verifier(server, tenantID: "alpha").verify(forged)
            }
        }
    }

    @Test func expiredTokenIsRejected() async throws {
        try await LiveServer.run { server in
            let token = try await server.accessToken("alpha")
            let later = verifier(server, tenantID: "alpha", now: { Date() + 600 + 120 })
            await #expect(throws: TokenVerificationError.self) { try await later.verify(token) }
        }
    }

    @Test func wrongAudienceIsRejected() async throws {
        try await LiveServer.run { server in
            let token = try await server.accessToken("alpha")
            let other = verifier(server, tenantID: "alpha", audience: "https://other.example.com")
            await #expect(throws: TokenVerificationError.self) { try await other.verify(token) }
        }
    }

    @Test func previousKeyVerifiesUntilTheGracePeriodEndsAndNotAfter() async throws {
        try await LiveServer.run { server in
            let token = try await server.accessToken("alpha")
            try await server.services.keys.rotate(tenantID: "alpha", actor: "test")
            let alpha = verifier(server, tenantID: "alpha")
            _ = try await alpha.verify(token)
            _ = try await alpha.verify(try await server.accessToken("alpha"))

            server.clock.advance(by: 3599)
            _ = try await alpha.verify(token)
            server.clock.advance(by: 2)
            await #expect(throws: TokenVerificationError.self) { try await alpha.verify(token) }
        }
    }

    @Test func revokedKeyStopsVerifyingImmediately() async throws {
        try await LiveServer.run { server in
            let token = try await server.accessToken("alpha")
            let alpha = verifier(server, tenantID: "alpha")
            _ = try await alpha.verify(token)
            try await server.services.keys.revoke(
                tenantID: "alpha", kid: try await currentKey(server, "alpha").kid, actor: "test")
            await #expect(throws: TokenVerificationError.self) { try await alpha.verify(token) }
        }
    }

    @Test func es256AudienceGetsES256TokensThatVerify() async throws {
        try await LiveServer.run { server in
            try await server.services.storage.createResourceServer(
                ResourceServer(
                    tenantID: "alpha", id: "rs_ec", identifier: "https://ec.example.com", name: "EC",
                    scopes: [ResourceServerScope(value: "read:data")], signingAlgorithm: .es256),
                tenantID: "alpha")
            try await ClientRegistrar(clients: server.services.storage, clock: server.clock)
                .grant(clientID: "m2m", audience: "https://ec.example.com", scope: ["read:data"], tenantID: "alpha")
            var form = server.clientCredentialsForm("alpha")
            form["audience"] = "https://ec.example.com"
            let token = try #require(
                try jsonObject(try await server.tokenRequest("alpha", form: form))["access_token"] as? String)
            #expect(try jwtParts(token).header["alg"] as? String == "ES256")
            let verified = try await verifier(server, tenantID: "alpha", audience: "https://ec.example.com").verify(
                token)
            #expect(verified.algorithm == "ES256")
            #expect(verified.permissions.isEmpty)
        }
    }
}
