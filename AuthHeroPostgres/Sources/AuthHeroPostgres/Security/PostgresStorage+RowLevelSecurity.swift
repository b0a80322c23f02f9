import PostgresNIO

/// The connected role would bypass the tenant policies; the message says which rule and how to fix it.
public struct RowLevelSecurityBypassed: Error, Equatable, CustomStringConvertible {
    /// The role the server connected as.
    public let role: String
    /// Why the policies would not bind it.
    public let reason: String

    public var description: String {
        "PostgreSQL role \"\(role)\" \(reason), so row-level security would not isolate tenants. Run migrate as the "
            + "owner and serve as a separate role that is neither superuser nor owner and lacks BYPASSRLS."
    }
}

extension PostgresStorage {
    /// Throws ``RowLevelSecurityBypassed`` when the role this storage connects as is a superuser, has `BYPASSRLS`, or
    /// owns the tables: the tenant policies would not apply to it.
    public func verifyRowLevelSecurityApplies() async throws {
        let schema = schema
        let (role, superuser, bypass, owns) = try await withRegistry { session in
            let query: PostgresQuery = """
                SELECT current_user::text, r.rolsuper, r.rolbypassrls,
                       EXISTS (SELECT 1 FROM pg_tables t WHERE t.schemaname = \(schema) AND t.tableowner = current_user)
                FROM pg_roles r WHERE r.rolname = current_user
                """
            for try await row in try await session.connection.query(query, logger: session.logger)
                .decode((String, Bool, Bool, Bool).self)
            {
                return row
            }
            return ("", false, false, false)
        }
        if superuser { throw RowLevelSecurityBypassed(role: role, reason: "is a superuser") }
        if bypass { throw RowLevelSecurityBypassed(role: role, reason: "has BYPASSRLS") }
        if owns { throw RowLevelSecurityBypassed(role: role, reason: "owns the tables of schema \"\(schema)\"") }
    }
}
