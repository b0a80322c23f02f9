import AuthHeroCore
import GRDB

extension SQLiteStorage {
    public func createClient(_ client: Client, tenantID: String) async throws {
        try await write(tenantID) { try owned(client, by: tenantID).insert($0) }
    }

    public func client(_ clientID: String, tenantID: String) async throws -> Client? {
        // Hot path (every token request): a prepared statement cached per connection. Compiling the SQL the query
        // interface generates was half the cost of these reads in the token benchmark.
        try await read(tenantID) { db in
            try Client.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM clients WHERE tenant_id = ? AND id = ?"),
                arguments: [tenantID, clientID])
        }
    }

    public func clients(tenantID: String) async throws -> [Client] {
        try await read(tenantID) { try Client.filter(Column("tenant_id") == tenantID).order(Column("created_at")).fetchAll($0) }
    }

    public func createClientGrant(_ grant: ClientGrant, tenantID: String) async throws {
        try await write(tenantID) { try owned(grant, by: tenantID).insert($0) }
    }

    public func clientGrant(clientID: String, audience: String, tenantID: String) async throws -> ClientGrant? {
        try await read(tenantID) { db in
            try ClientGrant.fetchOne(
                db.cachedStatement(
                    sql: "SELECT * FROM client_grants WHERE tenant_id = ? AND client_id = ? AND audience = ?"),
                arguments: [tenantID, clientID, audience])
        }
    }
}
