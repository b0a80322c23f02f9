/// End users.
public protocol UserStore: Sendable {
    /// Inserts a user; throws `StorageError.conflict` on a duplicate id or email within a connection.
    func createUser(_ user: User, tenantID: String) async throws
    /// The user with this id, if any.
    func user(_ userID: String, tenantID: String) async throws -> User?
    /// The user with this email (case-insensitive) in `connection`, if any.
    func user(email: String, connection: String, tenantID: String) async throws -> User?
    /// Replaces a user's mutable fields.
    func updateUser(_ user: User, tenantID: String) async throws
}
