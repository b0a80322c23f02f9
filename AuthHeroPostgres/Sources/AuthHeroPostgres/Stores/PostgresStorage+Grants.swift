import AuthHeroCore
import Foundation
import PostgresNIO

extension PostgresStorage: GrantStore {
    public func insertAuthorizationCode(_ code: AuthorizationCode, tenantID: String) async throws {
        try await insert(code, into: "authorization_codes", tenantID: tenantID)
    }

    public func consumeAuthorizationCode(hash: String, at date: Date, tenantID: String) async throws
        -> AuthorizationCode?
    {
        // One conditional UPDATE: of two concurrent uses of one code, exactly one gets it back.
        try await withTenant(tenantID) {
            try await $0.record(
                AuthorizationCode.self,
                """
                UPDATE authorization_codes c SET consumed_at = \(date)
                WHERE tenant_id = \(tenantID) AND code_hash = \(hash) AND consumed_at IS NULL
                RETURNING to_jsonb(c)::text
                """)
        }
    }

    public func insertRefreshToken(_ token: RefreshToken, tenantID: String) async throws {
        try await insert(token, into: "refresh_tokens", tenantID: tenantID)
    }

    public func refreshToken(hash: String, tenantID: String) async throws -> RefreshToken? {
        try await find(RefreshToken.self, in: "refresh_tokens", where: "token_hash", is: hash, tenantID: tenantID)
    }

    @discardableResult
    public func revokeRefreshTokenFamily(_ familyID: String, at date: Date, tenantID: String) async throws -> Int {
        try await withTenant(tenantID) {
            try await $0.changes(
                """
                UPDATE refresh_tokens SET revoked_at = \(date)
                WHERE tenant_id = \(tenantID) AND family_id = \(familyID) AND revoked_at IS NULL RETURNING 1
                """)
        }
    }

    public func insertSession(_ session: Session, tenantID: String) async throws {
        try await insert(session, into: "sessions", tenantID: tenantID)
    }

    public func session(_ sessionID: String, tenantID: String) async throws -> Session? {
        try await find(Session.self, in: "sessions", where: "id", is: sessionID, tenantID: tenantID)
    }
}

extension PostgresStorage: InteractiveGrantStore {
    public func markRefreshTokenRotated(id: String, at date: Date, tenantID: String) async throws -> Bool {
        // One conditional UPDATE: of two concurrent uses of the same token, exactly one sees a change.
        try await withTenant(tenantID) {
            try await $0.changes(
                """
                UPDATE refresh_tokens SET rotated_at = \(date)
                WHERE tenant_id = \(tenantID) AND id = \(id) AND rotated_at IS NULL RETURNING 1
                """) == 1
        }
    }

    public func revokeSession(_ sessionID: String, at date: Date, tenantID: String) async throws {
        try await withTenant(tenantID) {
            try await $0.run(
                """
                UPDATE sessions SET revoked_at = \(date)
                WHERE tenant_id = \(tenantID) AND id = \(sessionID) AND revoked_at IS NULL
                """)
        }
    }

    @discardableResult
    public func revokeGrants(ofUser userID: String, at date: Date, tenantID: String) async throws -> Int {
        try await withTenant(tenantID) { session in
            try await session.run(
                """
                UPDATE sessions SET revoked_at = \(date)
                WHERE tenant_id = \(tenantID) AND user_id = \(userID) AND revoked_at IS NULL
                """)
            return try await session.changes(
                """
                UPDATE refresh_tokens SET revoked_at = \(date)
                WHERE tenant_id = \(tenantID) AND user_id = \(userID) AND revoked_at IS NULL RETURNING 1
                """)
        }
    }
}
