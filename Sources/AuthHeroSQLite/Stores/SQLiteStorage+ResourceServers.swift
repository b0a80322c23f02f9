import AuthHeroCore
import GRDB

extension SQLiteStorage {
    public func createResourceServer(_ resourceServer: ResourceServer, tenantID: String) async throws {
        try await write { try owned(resourceServer, by: tenantID).insert($0) }
    }

    public func resourceServer(identifier: String, tenantID: String) async throws -> ResourceServer? {
        // Hot path (every token request): a cached prepared statement.
        try await read { db in
            try ResourceServer.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM resource_servers WHERE tenant_id = ? AND identifier = ?"),
                arguments: [tenantID, identifier])
        }
    }

    public func resourceServers(tenantID: String) async throws -> [ResourceServer] {
        try await read { try ResourceServer.filter(Column("tenant_id") == tenantID).order(Column("identifier")).fetchAll($0) }
    }
}
