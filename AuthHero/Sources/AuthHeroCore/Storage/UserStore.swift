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
    /// The tenant's users whose email matches `query` (every user when nil), oldest first.
    func users(matching query: UserEmailQuery?, window: ListWindow, tenantID: String) async throws -> ListSlice<User>
    /// Deletes the user with their memberships, role assignments, sessions and refresh tokens, in one transaction;
    /// false when there was no such user.
    func deleteUser(_ userID: String, tenantID: String) async throws -> Bool
}
