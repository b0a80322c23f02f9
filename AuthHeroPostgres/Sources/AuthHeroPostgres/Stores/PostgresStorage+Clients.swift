import AuthHeroCore
import PostgresNIO

extension PostgresStorage: ClientStore {
    public func createClient(_ client: Client, tenantID: String) async throws {
        try await insert(client, into: "clients", tenantID: tenantID)
    }

    public func client(_ clientID: String, tenantID: String) async throws -> Client? {
        try await find(Client.self, in: "clients", where: "id", is: clientID, tenantID: tenantID)
    }

    public func clients(tenantID: String) async throws -> [Client] {
        try await withTenant(tenantID) {
            try await $0.records(
                Client.self,
                "SELECT to_jsonb(c)::text FROM clients c WHERE tenant_id = \(tenantID) ORDER BY created_at, id")
        }
    }

    public func clients(window: ListWindow, tenantID: String) async throws -> ListSlice<Client> {
        try await withTenant(tenantID) {
            try await $0.slice(
                Client.self, row: "to_jsonb(c)::text", "FROM clients c WHERE tenant_id = \(tenantID)",
                orderBy: "created_at, id", window: window)
        }
    }

    public func updateClient(_ client: Client, tenantID: String) async throws {
        try requireTenant(client.tenantID, is: tenantID)
        try await withTenant(tenantID) { session in
            // The secret column is written only by rotation, so an update racing a rotation cannot bring the old
            // secret back; a client that became public loses its secret here.
            let changed = try await session.update(
                client, in: "clients", key: ["tenant_id", "id"], keeping: ["secret_hash"])
            if changed == 0 { throw StorageError.notFound("client \(client.id)") }
            if !client.tokenEndpointAuthMethod.usesSecret {
                try await session.run(
                    "UPDATE clients SET secret_hash = NULL WHERE tenant_id = \(tenantID) AND id = \(client.id)")
            }
        }
    }

    public func replaceClientSecret(clientID: String, secretHash: String, tenantID: String) async throws -> Bool {
        try await withTenant(tenantID) {
            try await $0.changes(
                """
                UPDATE clients SET secret_hash = \(secretHash)
                WHERE tenant_id = \(tenantID) AND id = \(clientID)
                AND token_endpoint_auth_method <> \(TokenEndpointAuthMethod.none.rawValue) RETURNING 1
                """) > 0
        }
    }

    public func deleteClient(_ clientID: String, tenantID: String) async throws -> Bool {
        try await withTenant(tenantID) { session in
            // Codes and refresh tokens name the client without a foreign key; grants cascade.
            try await session.run(
                "DELETE FROM authorization_codes WHERE tenant_id = \(tenantID) AND client_id = \(clientID)")
            try await session.run(
                "DELETE FROM refresh_tokens WHERE tenant_id = \(tenantID) AND client_id = \(clientID)")
            return try await session.changes(
                "DELETE FROM clients WHERE tenant_id = \(tenantID) AND id = \(clientID) RETURNING 1") > 0
        }
    }

    public func createClientGrant(_ grant: ClientGrant, tenantID: String) async throws {
        try await insert(grant, into: "client_grants", tenantID: tenantID)
    }

    public func clientGrant(clientID: String, audience: String, tenantID: String) async throws -> ClientGrant? {
        try await withTenant(tenantID) {
            try await $0.record(
                ClientGrant.self,
                """
                SELECT to_jsonb(g)::text FROM client_grants g
                WHERE tenant_id = \(tenantID) AND client_id = \(clientID) AND audience = \(audience)
                """)
        }
    }

    public func clientGrant(id: String, tenantID: String) async throws -> ClientGrant? {
        try await find(ClientGrant.self, in: "client_grants", where: "id", is: id, tenantID: tenantID)
    }

    public func clientGrants(audience: String?, clientID: String?, window: ListWindow, tenantID: String) async throws
        -> ListSlice<ClientGrant>
    {
        // A NULL filter matches every row.
        try await withTenant(tenantID) {
            try await $0.slice(
                ClientGrant.self, row: "to_jsonb(g)::text",
                """
                FROM client_grants g WHERE tenant_id = \(tenantID)
                AND (\(audience)::text IS NULL OR audience = \(audience))
                AND (\(clientID)::text IS NULL OR client_id = \(clientID))
                """, orderBy: "id", window: window)
        }
    }

    public func updateClientGrantScope(id: String, scope: [String], tenantID: String) async throws -> Bool {
        let json = try RowCoding.columnValue(scope)
        return try await withTenant(tenantID) {
            try await $0.changes(
                "UPDATE client_grants SET scope = \(json)::jsonb WHERE tenant_id = \(tenantID) AND id = \(id) RETURNING 1"
            ) > 0
        }
    }

    public func deleteClientGrant(id: String, tenantID: String) async throws -> Bool {
        try await withTenant(tenantID) {
            try await $0.changes("DELETE FROM client_grants WHERE tenant_id = \(tenantID) AND id = \(id) RETURNING 1")
                > 0
        }
    }
}
