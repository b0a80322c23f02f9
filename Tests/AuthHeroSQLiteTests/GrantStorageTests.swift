import AuthHeroCore
import AuthHeroSQLite
import Foundation
import Testing

@Suite struct GrantStorageTests {
    @Test func authorizationCodeIsConsumedOnlyOnce() async throws {
        let database = try await TemporaryStorage()
        let code = AuthorizationCode(
            tenantID: "a", codeHash: SecretDigest.hash("code"), clientID: "app", userID: "auth0|u",
            redirectURI: "https://cb",
            scope: "openid", createdAt: database.now, expiresAt: database.now + 60)
        try await database.storage.insertAuthorizationCode(code, tenantID: "a")
        #expect(
            try await database.storage.consumeAuthorizationCode(hash: code.codeHash, at: database.now, tenantID: "b")
                == nil)
        #expect(
            try await database.storage.consumeAuthorizationCode(hash: code.codeHash, at: database.now, tenantID: "a")
                != nil)
        #expect(
            try await database.storage.consumeAuthorizationCode(hash: code.codeHash, at: database.now, tenantID: "a")
                == nil)
    }

    @Test func revokingAFamilyRevokesEveryTokenInIt() async throws {
        let database = try await TemporaryStorage()
        for (id, family) in [("rt1", "fam"), ("rt2", "fam"), ("rt3", "other")] {
            try await database.storage.insertRefreshToken(
                RefreshToken(
                    tenantID: "a", id: id, tokenHash: SecretDigest.hash(id), familyID: family, clientID: "app",
                    userID: "auth0|u",
                    scope: "openid", createdAt: database.now, expiresAt: database.now + 3600),
                tenantID: "a")
        }
        #expect(try await database.storage.revokeRefreshTokenFamily("fam", at: database.now, tenantID: "a") == 2)
        #expect(
            try await database.storage.refreshToken(hash: SecretDigest.hash("rt1"), tenantID: "a")?.revokedAt
                == database.now)
        #expect(
            try await database.storage.refreshToken(hash: SecretDigest.hash("rt3"), tenantID: "a")?.revokedAt == nil)
    }
}
