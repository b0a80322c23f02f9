/// Applications and their client grants.
public protocol ClientStore: Sendable {
    /// Inserts a client; throws `StorageError.conflict` when the id is taken in this tenant.
    func createClient(_ client: Client, tenantID: String) async throws
    /// The client with this id in this tenant, if any.
    func client(_ clientID: String, tenantID: String) async throws -> Client?
    /// The tenant's clients.
    func clients(tenantID: String) async throws -> [Client]
    /// Inserts a grant; one per client and audience.
    func createClientGrant(_ grant: ClientGrant, tenantID: String) async throws
    /// The grant of `clientID` for `audience`, if any.
    func clientGrant(clientID: String, audience: String, tenantID: String) async throws -> ClientGrant?
}
