/// APIs tokens are issued for.
public protocol ResourceServerStore: Sendable {
    /// Inserts a resource server; throws `StorageError.conflict` on a duplicate identifier.
    func createResourceServer(_ resourceServer: ResourceServer, tenantID: String) async throws
    /// The resource server whose identifier (token `aud`) is `identifier`, if any.
    func resourceServer(identifier: String, tenantID: String) async throws -> ResourceServer?
    /// The tenant's resource servers.
    func resourceServers(tenantID: String) async throws -> [ResourceServer]
}
