/// Sources of users.
public protocol ConnectionStore: Sendable {
    /// Inserts a connection.
    func createConnection(_ connection: Connection, tenantID: String) async throws
    /// The tenant's connections.
    func connections(tenantID: String) async throws -> [Connection]
    /// The connection with this id, if any.
    func connection(id: String, tenantID: String) async throws -> Connection?
    /// A window of the tenant's connections by name, optionally only those of `strategy` and/or named `name`.
    func connections(strategy: String?, name: String?, window: ListWindow, tenantID: String) async throws
        -> ListSlice<Connection>
    /// Sets (or, for nil, removes) the given option keys in one transaction, keeping the others, and returns the
    /// updated connection; nil when there is no such connection.
    func mergeConnectionOptions(id: String, changes: [String: String?], tenantID: String) async throws -> Connection?
}
