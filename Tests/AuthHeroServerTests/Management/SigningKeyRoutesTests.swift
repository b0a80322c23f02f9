import AuthHeroCore
import AuthHeroServer
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `/api/v2/keys/signing`: listing without private material, rotation, revocation (a revoked key's tokens stop
/// verifying), the refusal to revoke the current key, scopes and tenant isolation, and the audit of every write.
@Suite(.serialized) struct SigningKeyRoutesTests {
    private static let keys = "/api/v2/keys/signing"

    private static func run(_ body: @Sendable (ManagementFixture) async throws -> Void) async throws {
        try await LoginTestServer.run { server in
            let fixture = try await ManagementFixture.seed(server)
            for tenantID in ["alpha", "beta"] { try await server.services.keys.ensureCurrentKey(tenantID: tenantID) }
            try await body(fixture)
        }
    }

    private static func currentKID(_ fixture: ManagementFixture, _ tenantID: String) async throws -> String {
        try #require(
            try await fixture.server.services.storage.keys(tenantID: tenantID).first { $0.status == .current }?.kid)
    }

    @Test func listShowsKeyStateAndFingerprintsButNoPrivateMaterial() async throws {
        try await Self.run { fixture in
            let response = try await fixture.send(
                .get, Self.keys, token: try await fixture.managerToken(), tenant: "alpha")
            #expect(response.status == .ok)
            let text = String(buffer: response.body ?? ByteBuffer())
            #expect(!text.contains("PRIVATE"))
            #expect(!text.contains("private"))
            let listed = try ManagementFixture.array(response)
            let kid = try await Self.currentKID(fixture, "alpha")
            let current = try #require(listed.first { $0["kid"] as? String == kid })
            #expect(current["current"] as? Bool == true)
            #expect(current["previous"] as? Bool == false)
            #expect(current["revoked"] as? Bool == false)
            #expect(current["next"] as? Bool == false)
            #expect(current["pkcs7"] == nil)
            let certificate = try SigningCertificate(pem: try #require(current["cert"] as? String))
            #expect(current["fingerprint"] as? String == certificate.fingerprint)
            #expect(current["thumbprint"] as? String == certificate.thumbprint)
            #expect(certificate.thumbprint.count == 40)
            let single = try await fixture.send(
                .get, "\(Self.keys)/\(kid)", token: try await fixture.managerToken(), tenant: "alpha")
            #expect(try single.json()["cert"] as? String == current["cert"] as? String)
            #expect(try single.json()["fingerprint"] as? String == certificate.fingerprint)
        }
    }

    @Test func theJWKSPublishesEachKeysCertificateAsX5cAndX5t() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            _ = try await fixture.send(.post, "\(Self.keys)/rotate", token: token, tenant: "alpha")
            let listed = try ManagementFixture.array(
                try await fixture.send(.get, Self.keys, token: token, tenant: "alpha"))
            let jwks = try await fixture.get("/.well-known/jwks.json", host: LoginTestServer.host("alpha"), token: nil)
            let published = try #require(jwks.json()["keys"] as? [[String: Any]])
            #expect(published.count == 2)
            for entry in published {
                let key = try #require(listed.first { $0["kid"] as? String == entry["kid"] as? String })
                let certificate = try SigningCertificate(pem: try #require(key["cert"] as? String))
                #expect(entry["x5c"] as? [String] == [certificate.x5c])
                #expect(entry["x5t"] as? String == certificate.x5t)
            }
        }
    }

    @Test func aKeyStoredWithoutACertificateGetsOneOnFirstUseAndKeepsIt() async throws {
        try await Self.run { fixture in
            let storage = fixture.server.services.storage
            var key = try #require(try await storage.keys(tenantID: "alpha").first { $0.status == .current })
            key.certificatePEM = nil
            try await storage.updateKey(key, tenantID: "alpha")
            let token = try await fixture.managerToken()
            let first = try await fixture.send(.get, "\(Self.keys)/\(key.kid)", token: token, tenant: "alpha")
            let cert = try #require(try first.json()["cert"] as? String)
            let stored = try #require(
                try await storage.keys(tenantID: "alpha").first { $0.kid == key.kid }?.certificatePEM)
            #expect(try SigningCertificate(pem: cert) == SigningCertificate(pem: stored))
            let again = try await fixture.send(.get, "\(Self.keys)/\(key.kid)", token: token, tenant: "alpha")
            #expect(try again.json()["cert"] as? String == cert)
        }
    }

    @Test func rotationMakesANewCurrentKeyKeepsTheOldOnePublishedAndIsAudited() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            let old = try await Self.currentKID(fixture, "alpha")
            let rotated = try await fixture.send(.post, "\(Self.keys)/rotate", token: token, tenant: "alpha")
            #expect(rotated.status == .created)
            let kid = try #require(try rotated.json()["kid"] as? String)
            let rotatedCert = try #require(try rotated.json()["cert"] as? String)
            #expect(rotatedCert.hasPrefix("-----BEGIN CERTIFICATE-----\r\n"))
            #expect(kid != old)
            #expect(try await Self.currentKID(fixture, "alpha") == kid)
            let previous = try await fixture.send(.get, "\(Self.keys)/\(old)", token: token, tenant: "alpha")
            #expect(try previous.json()["previous"] as? Bool == true)
            #expect(try previous.json()["current_until"] as? String != nil)
            let jwks = try await fixture.get("/.well-known/jwks.json", host: LoginTestServer.host("alpha"), token: nil)
            let published = try (jwks.json()["keys"] as? [[String: Any]] ?? []).compactMap { $0["kid"] as? String }
            #expect(Set(published) == [old, kid])
            let events = try await fixture.server.services.storage.events(tenantID: "alpha", limit: 10)
            #expect(
                events.contains {
                    $0.action == "signing_key.rotated" && $0.target == kid && $0.actor == ManagementFixture.managerID
                })
        }
    }

    @Test func aRevokedKeysTokensStopVerifying() async throws {
        try await Self.run { fixture in
            let manager = try await fixture.managerToken()
            // A token alpha issued to its own machine client, signed with alpha's current key.
            let machine = try #require(try await fixture.machineToken().json()["access_token"] as? String)
            let alphaHost = LoginTestServer.host("alpha")
            #expect(try await fixture.get("/api/v2/users", host: alphaHost, token: machine).status == .ok)
            let old = try await Self.currentKID(fixture, "alpha")
            _ = try await fixture.send(.post, "\(Self.keys)/rotate", token: manager, tenant: "alpha")
            // Within the grace period the previous key still verifies.
            #expect(try await fixture.get("/api/v2/users", host: alphaHost, token: machine).status == .ok)

            let revoked = try await fixture.send(.put, "\(Self.keys)/\(old)/revoke", token: manager, tenant: "alpha")
            #expect(revoked.status == .ok)
            #expect(try revoked.json()["kid"] as? String == old)
            #expect(try revoked.json()["revoked_at"] as? String != nil)
            #expect(
                try SigningCertificate(pem: try #require(try revoked.json()["cert"] as? String)).thumbprint.count == 40)
            let refused = try await fixture.get("/api/v2/users", host: alphaHost, token: machine)
            #expect(refused.status == .unauthorized)
            let jwks = try await fixture.get("/.well-known/jwks.json", host: alphaHost, token: nil)
            let published = try (jwks.json()["keys"] as? [[String: Any]] ?? []).compactMap { $0["kid"] as? String }
            #expect(!published.contains(old))
            let listed = try await fixture.send(.get, "\(Self.keys)/\(old)", token: manager, tenant: "alpha")
            #expect(try listed.json()["revoked"] as? Bool == true)
            let events = try await fixture.server.services.storage.events(tenantID: "alpha", limit: 10)
            #expect(
                events.contains {
                    $0.action == "signing_key.revoked" && $0.target == old && $0.actor == ManagementFixture.managerID
                })

            // A new token from the new current key verifies.
            let fresh = try #require(try await fixture.machineToken().json()["access_token"] as? String)
            #expect(try await fixture.get("/api/v2/users", host: alphaHost, token: fresh).status == .ok)
        }
    }

    @Test func theCurrentKeyIsNotRevokedUntilRotatedAway() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            let current = try await Self.currentKID(fixture, "alpha")
            let refused = try await fixture.send(.put, "\(Self.keys)/\(current)/revoke", token: token, tenant: "alpha")
            #expect(refused.status == .conflict)
            #expect(try ManagementFixture.errorCode(refused) == "signing_key_in_use")
            #expect(try await Self.currentKID(fixture, "alpha") == current)
            let events = try await fixture.server.services.storage.events(tenantID: "alpha", limit: 10)
            #expect(!events.contains { $0.action == "signing_key.revoked" })
        }
    }

    @Test func missingScopesAreRefused() async throws {
        try await Self.run { fixture in
            // alice's organization token for alpha holds read:users only.
            let token = try await fixture.controlPlaneToken(organization: ManagementFixture.alphaOrganization)
            let kid = try await Self.currentKID(fixture, "alpha")
            for (method, path, scope) in [
                (HTTPRequest.Method.get, Self.keys, "read:signing_keys"),
                (.get, "\(Self.keys)/\(kid)", "read:signing_keys"),
                (.post, "\(Self.keys)/rotate", "create:signing_keys"),
                (.put, "\(Self.keys)/\(kid)/revoke", "update:signing_keys"),
            ] {
                let response = try await fixture.send(method, path, token: token, tenant: "alpha")
                #expect(response.status == .forbidden)
                #expect(try ManagementFixture.errorCode(response) == "insufficient_scope")
                #expect(try response.json()["message"] as? String == "Insufficient scope, expected any of: \(scope)")
            }
            #expect(try await Self.currentKID(fixture, "alpha") == kid)
        }
    }

    @Test func anotherTenantsKeysAreOutOfReach() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            let betaKID = try await Self.currentKID(fixture, "beta")
            // alpha's organization token aimed at beta.
            for (method, path) in [
                (HTTPRequest.Method.get, Self.keys), (.post, "\(Self.keys)/rotate"),
                (.put, "\(Self.keys)/\(betaKID)/revoke"),
            ] {
                #expect(try await fixture.send(method, path, token: token, tenant: "beta").status == .forbidden)
            }
            // beta's kid named at alpha.
            let unknown = try await fixture.send(.get, "\(Self.keys)/\(betaKID)", token: token, tenant: "alpha")
            #expect(unknown.status == .notFound)
            #expect(try ManagementFixture.errorCode(unknown) == "inexistent_signing_key")
            let revoke = try await fixture.send(.put, "\(Self.keys)/\(betaKID)/revoke", token: token, tenant: "alpha")
            #expect(revoke.status == .notFound)
            let betaKeys = try await fixture.server.services.storage.keys(tenantID: "beta")
            #expect(betaKeys.map(\.status) == [.current])
            let betaEvents = try await fixture.server.services.storage.events(tenantID: "beta", limit: 10)
            #expect(!betaEvents.contains { $0.actor == ManagementFixture.managerID })
        }
    }
}
