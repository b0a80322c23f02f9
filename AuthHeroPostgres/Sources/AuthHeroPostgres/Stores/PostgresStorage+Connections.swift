import AuthHeroCore
import PostgresNIO

extension PostgresStorage: ConnectionStore {
    public func createConnection(_ connection: Connection, tenantID: String) async throws {
        try await insert(connection, into: "connections", tenantID: tenantID)
    }

    public func connections(tenantID: String) async throws -> [Connection] {
        try await withTenant(tenantID) {
            try await $0.records(
                Connection.self,
                "SELECT to_jsonb(c)::text FROM connections c WHERE tenant_id = \(tenantID) ORDER BY name")
        }
    }

    public func connection(id: String, tenantID: String) async throws -> Connection? {
        try await find(Connection.self, in: "connections", where: "id", is: id, tenantID: tenantID)
    }

    public func connections(strategy: String?, name: String?, window: ListWindow, tenantID: String) async throws
        -> ListSlice<Connection>
    {
        // A NULL filter matches every row.
        try await withTenant(tenantID) {
            try await $0.slice(
                Connection.self, row: "to_jsonb(c)::text",
                """
                FROM connections c WHERE tenant_id = \(tenantID)
                AND (\(strategy)::text IS NULL OR strategy = \(strategy)) AND (\(name)::text IS NULL OR name = \(name))
                """, orderBy: "name", window: window)
        }
    }

    public func mergeConnectionOptions(id: String, changes: [String: String?], tenantID: String) async throws
        -> Connection?
    {
        try await withTenant(tenantID) { session in
            // FOR UPDATE: concurrent merges apply one after the other, so neither loses the other's keys.
            guard
                var connection = try await session.record(
                    Connection.self,
                    "SELECT to_jsonb(c)::text FROM connections c WHERE tenant_id = \(tenantID) AND id = \(id) FOR UPDATE"
                )
            else { return nil }
            for (key, value) in changes { connection.options[key] = value }
            _ = try await session.update(connection, in: "connections", key: ["tenant_id", "id"])
            return connection
        }
    }
}
