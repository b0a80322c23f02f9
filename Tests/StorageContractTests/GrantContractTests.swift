import AuthHeroCore
import Foundation
import Testing

@Suite struct GrantContractTests {
    @Test(arguments: StorageKind.allCases) func authorizationCodeIsConsumedOnlyOnce(_ kind: StorageKind) async throws {
        try await kind.withStorage { storage in
            let code = AuthorizationCode(
                tenantID: "a", codeHash: SecretDigest.hash("code"), clientID: "app", userID: "auth0|u",
                redirectURI: "https://cb",
                scope: "openid", createdAt: StorageKind.now, expiresAt: StorageKind.now + 60)
            try await storage.insertAuthorizationCode(code, tenantID: "a")
            #expect(
                try await storage.consumeAuthorizationCode(hash: code.codeHash, at: StorageKind.now, tenantID: "b")
                    == nil)
            #expect(
                try await storage.consumeAuthorizationCode(hash: code.codeHash, at: StorageKind.now, tenantID: "a")
                    != nil)
            #expect(
                try await storage.consumeAuthorizationCode(hash: code.codeHash, at: StorageKind.now, tenantID: "a")
                    == nil)
        }
    }

    @Test(arguments: StorageKind.allCases) func revokingAFamilyRevokesEveryTokenInIt(_ kind: StorageKind) async throws {
        try await kind.withStorage { storage in
            for (id, family) in [("rt1", "fam"), ("rt2", "fam"), ("rt3", "other")] {
                try await storage.insertRefreshToken(
                    RefreshToken(
                        tenantID: "a", id: id, tokenHash: SecretDigest.hash(id), familyID: family, clientID: "app",
                        userID: "auth0|u",
                        scope: "openid", createdAt: StorageKind.now, expiresAt: StorageKind.now + 3600),
                    tenantID: "a")
            }
            #expect(try await storage.revokeRefreshTokenFamily("fam", at: StorageKind.now, tenantID: "a") == 2)
            #expect(
                try await storage.refreshToken(hash: SecretDigest.hash("rt1"), tenantID: "a")?.revokedAt
                    == StorageKind.now)
            #expect(
                try await storage.refreshToken(hash: SecretDigest.hash("rt3"), tenantID: "a")?.revokedAt == nil)
        }
    }
}

@Suite struct InteractiveGrantContractTests {
    func token(_ id: String, user: String) -> RefreshToken {
        RefreshToken(
            tenantID: "a", id: id, tokenHash: SecretDigest.hash(id), familyID: "fam-\(id)", clientID: "app",
            userID: user, scope: "openid", createdAt: StorageKind.now, expiresAt: StorageKind.now + 3600)
    }

    @Test(arguments: StorageKind.allCases) func aRefreshTokenRotatesOnce(_ kind: StorageKind) async throws {
        try await kind.withStorage { storage in
            try await storage.insertRefreshToken(token("rt1", user: "auth0|u"), tenantID: "a")
            #expect(try await storage.markRefreshTokenRotated(id: "rt1", at: StorageKind.now, tenantID: "b") == false)
            #expect(try await storage.markRefreshTokenRotated(id: "rt1", at: StorageKind.now, tenantID: "a"))
            #expect(try await storage.markRefreshTokenRotated(id: "rt1", at: StorageKind.now, tenantID: "a") == false)
        }
    }

    @Test(arguments: StorageKind.allCases) func revokingAUsersGrantsEndsTheirSessionsAndTokensOnly(_ kind: StorageKind)
        async throws
    {
        try await kind.withStorage { storage in
            try await storage.insertRefreshToken(token("rt1", user: "auth0|u"), tenantID: "a")
            try await storage.insertRefreshToken(token("rt2", user: "auth0|other"), tenantID: "a")
            try await storage.insertSession(
                Session(
                    tenantID: "a", id: "s1", userID: "auth0|u", createdAt: StorageKind.now,
                    expiresAt: StorageKind.now + 60),
                tenantID: "a")
            let later = StorageKind.now + 5
            #expect(try await storage.revokeGrants(ofUser: "auth0|u", at: later, tenantID: "a") == 1)
            #expect(try await storage.session("s1", tenantID: "a")?.revokedAt == later)
            #expect(try await storage.refreshToken(hash: SecretDigest.hash("rt2"), tenantID: "a")?.revokedAt == nil)
        }
    }
}
