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
        try await read(tenantID) {
            try Client.filter(Column("tenant_id") == tenantID).order(Column("created_at")).fetchAll($0)
        }
    }

    public func clients(window: ListWindow, tenantID: String) async throws -> ListSlice<Client> {
        try await slice(window, tenantID: tenantID) {
            Client.filter(Column("tenant_id") == tenantID).order(Column("created_at"), Column("id"))
        }
    }

    public func updateClient(_ client: Client, tenantID: String) async throws {
        try await write(tenantID) { db in
            let client = try owned(client, by: tenantID)
            // The secret column is written only by rotation, so an update racing a rotation cannot bring the old
            // secret back; a client that became public loses its secret here.
            var columns = Set(try db.columns(in: "clients").map(\.name))
            columns.remove("secret_hash")
            try client.update(db, columns: columns)
            if !client.tokenEndpointAuthMethod.usesSecret {
                try Client.filter(Column("tenant_id") == tenantID && Column("id") == client.id)
                    .updateAll(db, Column("secret_hash").set(to: nil))
            }
        }
    }

    public func replaceClientSecret(clientID: String, secretHash: String, tenantID: String) async throws -> Bool {
        try await write(tenantID) { db in
            try Client.filter(
                Column("tenant_id") == tenantID && Column("id") == clientID
                    && Column("token_endpoint_auth_method") != TokenEndpointAuthMethod.none.rawValue
            ).updateAll(db, Column("secret_hash").set(to: secretHash)) > 0
        }
    }

    public func deleteClient(_ clientID: String, tenantID: String) async throws -> Bool {
        try await write(tenantID) { db in
            // Codes and refresh tokens name the client without a foreign key, so they are removed here; grants
            // would cascade, and are removed explicitly so the rule does not depend on foreign keys being enabled.
            for table in ["client_grants", "authorization_codes", "refresh_tokens"] {
                try db.execute(
                    sql: "DELETE FROM \(table) WHERE tenant_id = ? AND client_id = ?", arguments: [tenantID, clientID])
            }
            return try Client.deleteOne(db, key: ["tenant_id": tenantID, "id": clientID])
        }
    }
}
