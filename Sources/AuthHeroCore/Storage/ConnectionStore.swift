/// Sources of users.
public protocol ConnectionStore: Sendable {
    /// Inserts a connection.
    func createConnection(_ connection: Connection, tenantID: String) async throws
    /// The tenant's connections.
    func connections(tenantID: String) async throws -> [Connection]
}
