import AuthHeroCore
import Foundation
import GRDB

extension SQLiteStorage {
    public func markRefreshTokenRotated(id: String, at date: Date, tenantID: String) async throws -> Bool {
        try await write(tenantID) { db in
            // One conditional UPDATE: of two concurrent uses of the same token, exactly one sees a change.
            try RefreshToken.filter(
                Column("tenant_id") == tenantID && Column("id") == id && Column("rotated_at") == nil
            ).updateAll(db, Column("rotated_at").set(to: date)) == 1
        }
    }

    public func revokeSession(_ sessionID: String, at date: Date, tenantID: String) async throws {
        _ = try await write(tenantID) { db in
            try Session.filter(
                Column("tenant_id") == tenantID && Column("id") == sessionID && Column("revoked_at") == nil
            ).updateAll(db, Column("revoked_at").set(to: date))
        }
    }

    @discardableResult
    public func revokeGrants(ofUser userID: String, at date: Date, tenantID: String) async throws -> Int {
        try await write(tenantID) { db in
            try Session.filter(
                Column("tenant_id") == tenantID && Column("user_id") == userID && Column("revoked_at") == nil
            ).updateAll(db, Column("revoked_at").set(to: date))
            return try RefreshToken.filter(
                Column("tenant_id") == tenantID && Column("user_id") == userID && Column("revoked_at") == nil
            ).updateAll(db, Column("revoked_at").set(to: date))
        }
    }
}
