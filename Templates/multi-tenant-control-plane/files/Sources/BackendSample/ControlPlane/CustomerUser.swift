/// A user of a customer tenant as this API shows it: the Management API's fields a support or admin screen needs,
/// and nothing else (no metadata, no identities).
struct CustomerUser: Codable, Sendable, Equatable {
    let userID: String
    let email: String?
    let emailVerified: Bool?
    let blocked: Bool?
    let createdAt: String?

    private enum CodingKeys: String, CodingKey {
        case userID = "user_id"
        case email
        case emailVerified = "email_verified"
        case blocked
        case createdAt = "created_at"
    }
}
