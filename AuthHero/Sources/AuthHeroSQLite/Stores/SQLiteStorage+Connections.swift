import AuthHeroCore
import GRDB

extension SQLiteStorage {
    public func createConnection(_ connection: Connection, tenantID: String) async throws {
        try await write(tenantID) { try owned(connection, by: tenantID).insert($0) }
    }

    public func connections(tenantID: String) async throws -> [Connection] {
        try await read(tenantID) {
            try Connection.filter(Column("tenant_id") == tenantID).order(Column("name")).fetchAll($0)
        }
    }

    public func connection(id: String, tenantID: String) async throws -> Connection? {
        try await read(tenantID) { try Connection.fetchOne($0, key: ["tenant_id": tenantID, "id": id]) }
    }

    public func connections(strategy: String?, name: String?, window: ListWindow, tenantID: String) async throws
        -> ListSlice<Connection>
    {
        try await slice(window, tenantID: tenantID) {
            var request = Connection.filter(Column("tenant_id") == tenantID)
            if let strategy { request = request.filter(Column("strategy") == strategy) }
            if let name { request = request.filter(Column("name") == name) }
            return request.order(Column("name"))
        }
    }

    public func mergeConnectionOptions(id: String, changes: [String: String?], tenantID: String) async throws
        -> Connection?
    {
        try await write(tenantID) { db in
            guard var connection = try Connection.fetchOne(db, key: ["tenant_id": tenantID, "id": id]) else {
                return nil
            }
            for (key, value) in changes { connection.options[key] = value }
            try connection.update(db)
            return connection
        }
    }
}
