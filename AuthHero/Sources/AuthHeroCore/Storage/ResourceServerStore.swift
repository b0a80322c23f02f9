/// APIs tokens are issued for.
public protocol ResourceServerStore: Sendable {
    /// Inserts a resource server; throws `StorageError.conflict` on a duplicate identifier.
    func createResourceServer(_ resourceServer: ResourceServer, tenantID: String) async throws
    /// The resource server whose identifier (token `aud`) is `identifier`, if any.
    func resourceServer(identifier: String, tenantID: String) async throws -> ResourceServer?
    /// The tenant's resource servers.
    func resourceServers(tenantID: String) async throws -> [ResourceServer]
    /// The resource server with this id, if any.
    func resourceServer(id: String, tenantID: String) async throws -> ResourceServer?
    /// A window of the tenant's resource servers, by identifier.
    func resourceServers(window: ListWindow, tenantID: String) async throws -> ListSlice<ResourceServer>
    /// Replaces a resource server's mutable fields (everything but id and identifier).
    func updateResourceServer(_ resourceServer: ResourceServer, tenantID: String) async throws
    /// Deletes a resource server with the role permissions and client grants on its identifier; false when there was
    /// no such resource server.
    func deleteResourceServer(id: String, tenantID: String) async throws -> Bool
}
