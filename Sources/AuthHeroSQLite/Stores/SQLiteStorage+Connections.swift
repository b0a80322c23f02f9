import AuthHeroCore
import GRDB

extension SQLiteStorage {
    public func createConnection(_ connection: Connection, tenantID: String) async throws {
        try await write(tenantID) { try owned(connection, by: tenantID).insert($0) }
    }

    public func connections(tenantID: String) async throws -> [Connection] {
        try await read(tenantID) { try Connection.filter(Column("tenant_id") == tenantID).order(Column("name")).fetchAll($0) }
    }
}
