import AuthHeroCore
import Foundation

/// A user in the Management API's Auth0 shape (`/api/v2/users`); never carries the password hash.
struct ManagementUser: Encodable, Sendable {
    let userID: String
    let email: String?
    let emailVerified: Bool
    let username: String?
    /// The user's name, or the email when none was set (Auth0 always sends one).
    let name: String?
    let blocked: Bool
    let createdAt: String
    let updatedAt: String
    let userMetadata: [String: String]
    let appMetadata: [String: String]
    let identities: [Identity]

    /// One entry of `identities`: the connection the user signs in with.
    struct Identity: Encodable, Sendable {
        let connection: String
        let userID: String
        let provider: String
        let isSocial: Bool

        private enum CodingKeys: String, CodingKey {
            case connection, provider
            case userID = "user_id"
            case isSocial
        }
    }

    init(_ user: User) {
        userID = user.id
        email = user.email
        emailVerified = user.emailVerified
        username = user.username
        name = user.name ?? user.email
        blocked = user.blocked
        createdAt = user.createdAt.formatted(.iso8601)
        updatedAt = user.updatedAt.formatted(.iso8601)
        userMetadata = user.userMetadata
        appMetadata = user.appMetadata
        let provider = String(user.id.prefix { $0 != "|" })
        identities = [
            Identity(
                connection: user.connection, userID: String(user.id.dropFirst(provider.count + 1)),
                provider: provider, isSocial: false)
        ]
    }

    private enum CodingKeys: String, CodingKey {
        case userID = "user_id"
        case email
        case emailVerified = "email_verified"
        case username, name, blocked
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case userMetadata = "user_metadata"
        case appMetadata = "app_metadata"
        case identities
    }
}
