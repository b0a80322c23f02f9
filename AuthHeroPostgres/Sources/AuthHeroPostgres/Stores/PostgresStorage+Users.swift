import AuthHeroCore
import Foundation
import PostgresNIO

extension PostgresStorage: UserStore {
    public func createUser(_ user: User, tenantID: String) async throws {
        try await insert(user, into: "users", tenantID: tenantID)
    }

    public func user(_ userID: String, tenantID: String) async throws -> User? {
        try await find(User.self, in: "users", where: "id", is: userID, tenantID: tenantID)
    }

    public func user(email: String, connection: String, tenantID: String) async throws -> User? {
        try await withTenant(tenantID) {
            try await $0.record(
                User.self,
                """
                SELECT to_jsonb(u)::text FROM users u
                WHERE tenant_id = \(tenantID) AND connection = \(connection) AND lower(email) = lower(\(email))
                """)
        }
    }

    public func updateUser(_ user: User, tenantID: String) async throws {
        try await replace(
            user, in: "users", key: ["tenant_id", "id"], tenantID: tenantID, what: "user \(user.id)")
    }

    public func users(matching query: UserEmailQuery?, window: ListWindow, tenantID: String) async throws
        -> ListSlice<User>
    {
        // One pattern for every case: ILIKE without wildcards is a case-insensitive equality, and the escape keeps
        // `%` and `_` in the searched text literal.
        let pattern: String? =
            switch query {
            case .exact(let email): LikePattern.escaped(email)
            case .contains(let text): "%\(LikePattern.escaped(text))%"
            case nil: nil
            }
        return try await withTenant(tenantID) {
            try await $0.slice(
                User.self, row: "to_jsonb(u)::text",
                """
                FROM users u WHERE tenant_id = \(tenantID)
                AND (\(pattern)::text IS NULL OR email ILIKE \(pattern) ESCAPE '\\')
                """, orderBy: "created_at, id", window: window)
        }
    }

    public func deleteUser(_ userID: String, tenantID: String) async throws -> Bool {
        try await withTenant(tenantID) { session in
            // Grant state names the user without a foreign key; memberships and role assignments cascade.
            for table in ["sessions", "refresh_tokens", "authorization_codes"] {
                try await session.run(
                    "DELETE FROM \(unescaped: SQLName.quoted(table)) WHERE tenant_id = \(tenantID) AND user_id = \(userID)"
                )
            }
            return try await session.changes(
                "DELETE FROM users WHERE tenant_id = \(tenantID) AND id = \(userID) RETURNING 1") > 0
        }
    }
}
