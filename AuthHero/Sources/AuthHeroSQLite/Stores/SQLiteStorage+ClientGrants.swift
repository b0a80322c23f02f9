import AuthHeroCore
import GRDB

extension SQLiteStorage {
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

    public func clientGrant(id: String, tenantID: String) async throws -> ClientGrant? {
        try await read(tenantID) { try ClientGrant.fetchOne($0, key: ["tenant_id": tenantID, "id": id]) }
    }

    public func clientGrants(audience: String?, clientID: String?, window: ListWindow, tenantID: String) async throws
        -> ListSlice<ClientGrant>
    {
        try await slice(window, tenantID: tenantID) {
            var request = ClientGrant.filter(Column("tenant_id") == tenantID)
            if let audience { request = request.filter(Column("audience") == audience) }
            if let clientID { request = request.filter(Column("client_id") == clientID) }
            return request.order(Column("id"))
        }
    }

    public func updateClientGrantScope(id: String, scope: [String], tenantID: String) async throws -> Bool {
        try await write(tenantID) { db in
            guard var grant = try ClientGrant.fetchOne(db, key: ["tenant_id": tenantID, "id": id]) else { return false }
            grant.scope = scope
            try grant.update(db)
            return true
        }
    }

    public func deleteClientGrant(id: String, tenantID: String) async throws -> Bool {
        try await write(tenantID) { try ClientGrant.deleteOne($0, key: ["tenant_id": tenantID, "id": id]) }
    }
}
