import Foundation

/// An end user of one tenant; `id` has the Auth0 shape `auth0|...`.
public struct User: Codable, Sendable, Equatable {
    public var tenantID: String
    public var id: String
    public var connection: String
    public var email: String?
    public var emailVerified: Bool
    public var username: String?
    /// The full name shown for the user (Auth0's root `name`); nil when never set.
    public var name: String?
    /// bcrypt hash (see `PasswordHasher`); nil for users without a password.
    public var passwordHash: String?
    public var userMetadata: [String: String]
    public var appMetadata: [String: String]
    public var blocked: Bool
    public var createdAt: Date
    public var updatedAt: Date

    /// Creates a user record.
    public init(
        tenantID: String, id: String, connection: String, email: String?, emailVerified: Bool = false,
        username: String? = nil, name: String? = nil, passwordHash: String?, userMetadata: [String: String] = [:],
        appMetadata: [String: String] = [:], blocked: Bool = false, createdAt: Date, updatedAt: Date? = nil
    ) {
        self.tenantID = tenantID
        self.id = id
        self.connection = connection
        self.email = email
        self.emailVerified = emailVerified
        self.username = username
        self.name = name
        self.passwordHash = passwordHash
        self.userMetadata = userMetadata
        self.appMetadata = appMetadata
        self.blocked = blocked
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}
