import AuthHeroCore

/// The short user shape Auth0 lists role holders and organization members in (`{user_id, email, name}`).
struct ManagementUserSummary: Encodable, Sendable {
    let userID: String
    let email: String?
    let name: String?

    init(_ user: User) {
        userID = user.id
        email = user.email
        name = user.name ?? user.email
    }

    private enum CodingKeys: String, CodingKey {
        case userID = "user_id"
        case email, name
    }
}
