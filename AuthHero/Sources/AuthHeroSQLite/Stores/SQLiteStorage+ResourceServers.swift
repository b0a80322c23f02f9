import AuthHeroCore
import GRDB

extension SQLiteStorage {
    public func createResourceServer(_ resourceServer: ResourceServer, tenantID: String) async throws {
        try await write(tenantID) { try owned(resourceServer, by: tenantID).insert($0) }
    }

    public func resourceServer(identifier: String, tenantID: String) async throws -> ResourceServer? {
        // Hot path (every token request): a cached prepared statement.
        try await read(tenantID) { db in
            try ResourceServer.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM resource_servers WHERE tenant_id = ? AND identifier = ?"),
                arguments: [tenantID, identifier])
        }
    }

    public func resourceServers(tenantID: String) async throws -> [ResourceServer] {
        try await read(tenantID) {
            try ResourceServer.filter(Column("tenant_id") == tenantID).order(Column("identifier")).fetchAll($0)
        }
    }
}

extension SQLiteStorage {
    public func resourceServer(id: String, tenantID: String) async throws -> ResourceServer? {
        try await read(tenantID) { try ResourceServer.fetchOne($0, key: ["tenant_id": tenantID, "id": id]) }
    }

    public func resourceServers(window: ListWindow, tenantID: String) async throws -> ListSlice<ResourceServer> {
        try await slice(window, tenantID: tenantID) {
            ResourceServer.filter(Column("tenant_id") == tenantID).order(Column("identifier"))
        }
    }

    public func updateResourceServer(_ resourceServer: ResourceServer, tenantID: String) async throws {
        try await write(tenantID) { try owned(resourceServer, by: tenantID).update($0) }
    }

    public func deleteResourceServer(id: String, tenantID: String) async throws -> Bool {
        try await write(tenantID) { db in
            guard let resourceServer = try ResourceServer.fetchOne(db, key: ["tenant_id": tenantID, "id": id]) else {
                return false
            }
            // Permissions and grants name the API by identifier, so nothing cascades to them.
            try db.execute(
                sql: "DELETE FROM role_permissions WHERE tenant_id = ? AND resource_server_identifier = ?",
                arguments: [tenantID, resourceServer.identifier])
            try db.execute(
                sql: "DELETE FROM client_grants WHERE tenant_id = ? AND audience = ?",
                arguments: [tenantID, resourceServer.identifier])
            return try resourceServer.delete(db)
        }
    }
}
