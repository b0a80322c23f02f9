import AuthHeroCore
import AuthHeroServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct RevocationTests {
    func form(_ server: LiveServer, token: String) -> String {
        "client_id=m2m&client_secret=\(server.secrets["alpha"]!)&token=\(token)"
    }

    @Test func unknownTokenIsAnsweredWith200() async throws {
        try await LiveServer.run { server in
            let response = try await server.send(
                .post, "/oauth/revoke", host: LiveServer.host("alpha"),
                headers: [.contentType: "application/x-www-form-urlencoded"], body: form(server, token: "nope"))
            #expect(response.status == .ok)
        }
    }

    @Test func revokingARefreshTokenRevokesItsFamily() async throws {
        try await LiveServer.run { server in
            let now = Date()
            for id in ["rt1", "rt2"] {
                try await server.services.storage.insertRefreshToken(
                    RefreshToken(
                        tenantID: "alpha", id: id, tokenHash: SecretDigest.hash("secret-\(id)"), familyID: "fam",
                        clientID: "m2m",
                        userID: "auth0|u", scope: "openid", createdAt: now, expiresAt: now + 3600),
                    tenantID: "alpha")
            }
            let response = try await server.send(
                .post, "/oauth/revoke", host: LiveServer.host("alpha"),
                headers: [.contentType: "application/x-www-form-urlencoded"], body: form(server, token: "secret-rt1"))
            #expect(response.status == .ok)
            let sibling = try await server.services.storage.refreshToken(
                hash: SecretDigest.hash("secret-rt2"), tenantID: "alpha")
            #expect(sibling?.revokedAt != nil)
        }
    }

    @Test func revocationRequiresClientAuthentication() async throws {
        try await LiveServer.run { server in
            try expectError(
                try await server.send(
                    .post, "/oauth/revoke", host: LiveServer.host("alpha"),
                    headers: [.contentType: "application/x-www-form-urlencoded"],
                    body: "client_id=m2m&client_secret=bad&token=x"),
                status: .unauthorized, code: "invalid_client")
        }
    }
}
