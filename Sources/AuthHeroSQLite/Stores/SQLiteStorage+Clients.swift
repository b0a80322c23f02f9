import AuthHeroCore
import GRDB

extension SQLiteStorage {
    public func createClient(_ client: Client, tenantID: String) async throws {
        try await write { try owned(client, by: tenantID).insert($0) }
    }

    public func client(_ clientID: String, tenantID: String) async throws -> Client? {
        try await read { try Client.fetchOne($0, key: ["tenant_id": tenantID, "id": clientID]) }
    }

    public func clients(tenantID: String) async throws -> [Client] {
        try await read { try Client.filter(Column("tenant_id") == tenantID).order(Column("created_at")).fetchAll($0) }
    }

    public func createClientGrant(_ grant: ClientGrant, tenantID: String) async throws {
        try await write { try owned(grant, by: tenantID).insert($0) }
    }

    public func clientGrant(clientID: String, audience: String, tenantID: String) async throws -> ClientGrant? {
        try await read { db in
            try ClientGrant.fetchOne(db, key: ["tenant_id": tenantID, "client_id": clientID, "audience": audience])
        }
    }
}
