import AuthHeroCore
import Foundation
import GRDB

extension SQLiteStorage {
    public func createUser(_ user: User, tenantID: String) async throws {
        try await write(tenantID) { try owned(user, by: tenantID).insert($0) }
    }

    public func user(_ userID: String, tenantID: String) async throws -> User? {
        try await read(tenantID) { try User.fetchOne($0, key: ["tenant_id": tenantID, "id": userID]) }
    }

    public func user(email: String, connection: String, tenantID: String) async throws -> User? {
        // The email column is COLLATE NOCASE, so this comparison ignores case.
        try await read(tenantID) { db in
            try User.filter(
                Column("tenant_id") == tenantID && Column("connection") == connection && Column("email") == email
            )
            .fetchOne(db)
        }
    }

    public func updateUser(_ user: User, tenantID: String) async throws {
        try await write(tenantID) { try owned(user, by: tenantID).update($0) }
    }
}

extension SQLiteStorage {
    public func users(matching query: UserEmailQuery?, window: ListWindow, tenantID: String) async throws
        -> ListSlice<User>
    {
        try await slice(window, tenantID: tenantID) {
            var request = User.filter(Column("tenant_id") == tenantID)
            switch query {
            case .exact(let email): request = request.filter(Column("email") == email)
            case .contains(let text):
                // LIKE ignores ASCII case; the escape keeps `%` and `_` in the text literal.
                request = request.filter(Column("email").like("%\(LikePattern.escaped(text))%", escape: "\\"))
            case nil: break
            }
            return request.order(Column("created_at"), Column("id"))
        }
    }

    public func deleteUser(_ userID: String, tenantID: String) async throws -> Bool {
        try await write(tenantID) { db in
            // Explicit deletes rather than cascades: grant state has no foreign key to users, and a writer handed to
            // `init(writer:)` may run without foreign keys.
            for table in ["sessions", "refresh_tokens", "authorization_codes", "organization_members", "user_roles"] {
                try db.execute(
                    sql: "DELETE FROM \(table) WHERE tenant_id = ? AND user_id = ?", arguments: [tenantID, userID])
            }
            return try User.deleteOne(db, key: ["tenant_id": tenantID, "id": userID])
        }
    }
}
