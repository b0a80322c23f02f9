import AuthHeroCore
import Foundation
import GRDB

extension SQLiteStorage {
    public func insertAuthorizationCode(_ code: AuthorizationCode, tenantID: String) async throws {
        try await write(tenantID) { try owned(code, by: tenantID).insert($0) }
    }

    public func consumeAuthorizationCode(hash: String, at date: Date, tenantID: String) async throws
        -> AuthorizationCode?
    {
        try await write(tenantID) { db in
            guard var code = try AuthorizationCode.fetchOne(db, key: ["tenant_id": tenantID, "code_hash": hash]),
                code.consumedAt == nil
            else { return nil }
            code.consumedAt = date
            try code.update(db)
            return code
        }
    }

    public func insertRefreshToken(_ token: RefreshToken, tenantID: String) async throws {
        try await write(tenantID) { try owned(token, by: tenantID).insert($0) }
    }

    public func refreshToken(hash: String, tenantID: String) async throws -> RefreshToken? {
        try await read(tenantID) { try RefreshToken.fetchOne($0, key: ["tenant_id": tenantID, "token_hash": hash]) }
    }

    public func revokeRefreshTokenFamily(_ familyID: String, at date: Date, tenantID: String) async throws -> Int {
        try await write(tenantID) { db in
            try RefreshToken.filter(
                Column("tenant_id") == tenantID && Column("family_id") == familyID && Column("revoked_at") == nil
            ).updateAll(db, Column("revoked_at").set(to: date))
        }
    }

    public func insertSession(_ session: Session, tenantID: String) async throws {
        try await write(tenantID) { try owned(session, by: tenantID).insert($0) }
    }

    public func session(_ sessionID: String, tenantID: String) async throws -> Session? {
        try await read(tenantID) { try Session.fetchOne($0, key: ["tenant_id": tenantID, "id": sessionID]) }
    }
}
