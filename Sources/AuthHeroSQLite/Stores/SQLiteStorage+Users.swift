import AuthHeroCore
import GRDB

extension SQLiteStorage {
    public func createUser(_ user: User, tenantID: String) async throws {
        try await write { try owned(user, by: tenantID).insert($0) }
    }

    public func user(_ userID: String, tenantID: String) async throws -> User? {
        try await read { try User.fetchOne($0, key: ["tenant_id": tenantID, "id": userID]) }
    }

    public func user(email: String, connection: String, tenantID: String) async throws -> User? {
        // The email column is COLLATE NOCASE, so this comparison ignores case.
        try await read { db in
            try User.filter(Column("tenant_id") == tenantID && Column("connection") == connection && Column("email") == email)
                .fetchOne(db)
        }
    }

    public func updateUser(_ user: User, tenantID: String) async throws {
        try await write { try owned(user, by: tenantID).update($0) }
    }
}
