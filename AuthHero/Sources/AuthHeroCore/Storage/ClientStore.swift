import Foundation

/// Applications and their client grants.
public protocol ClientStore: Sendable {
    /// Inserts a client; throws `StorageError.conflict` when the id is taken in this tenant.
    func createClient(_ client: Client, tenantID: String) async throws
    /// The client with this id in this tenant, if any.
    func client(_ clientID: String, tenantID: String) async throws -> Client?
    /// The tenant's clients.
    func clients(tenantID: String) async throws -> [Client]
    /// A window of the tenant's clients, oldest first.
    func clients(window: ListWindow, tenantID: String) async throws -> ListSlice<Client>
    /// Replaces a client's fields except its secret hash, which only ``replaceClientSecret(clientID:secretHash:tenantID:)``
    /// sets (so an update racing a rotation cannot restore the old secret); a client whose method becomes `none` loses
    /// its secret. Throws `StorageError.notFound` when the client does not exist.
    func updateClient(_ client: Client, tenantID: String) async throws
    /// Sets the secret hash of a client that authenticates with a secret; false when there is no such client.
    func replaceClientSecret(clientID: String, secretHash: String, tenantID: String) async throws -> Bool
    /// Deletes a client with everything issued to it: its grants, authorization codes and refresh tokens. False when
    /// there was no such client.
    func deleteClient(_ clientID: String, tenantID: String) async throws -> Bool
    /// Inserts a grant; one per client and audience (`StorageError.conflict` otherwise).
    func createClientGrant(_ grant: ClientGrant, tenantID: String) async throws
    /// The grant of `clientID` for `audience`, if any.
    func clientGrant(clientID: String, audience: String, tenantID: String) async throws -> ClientGrant?
    /// The grant with this id, if any.
    func clientGrant(id: String, tenantID: String) async throws -> ClientGrant?
    /// A window of the tenant's grants, optionally only those for `audience` and/or of `clientID`, by id.
    func clientGrants(audience: String?, clientID: String?, window: ListWindow, tenantID: String) async throws
        -> ListSlice<ClientGrant>
    /// Replaces a grant's scope; false when there is no such grant.
    func updateClientGrantScope(id: String, scope: [String], tenantID: String) async throws -> Bool
    /// Deletes a grant; false when there was no such grant.
    func deleteClientGrant(id: String, tenantID: String) async throws -> Bool
}
