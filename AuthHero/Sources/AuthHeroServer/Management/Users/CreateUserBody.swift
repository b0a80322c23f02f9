/// The body of `POST /api/v2/users` (Auth0's fields this runtime stores).
struct CreateUserBody: Decodable {
    static let shape =
        #"{"connection": "Username-Password-Authentication", "email": string, "password": string, "name"?: string, "#
        + #""username"?: string, "email_verified"?: bool, "blocked"?: bool, "user_metadata"?: {string: string}, "#
        + #""app_metadata"?: {string: string}}"#

    let connection: String
    let email: String
    let password: String
    let name: String?
    let username: String?
    let emailVerified: Bool?
    let blocked: Bool?
    let userMetadata: [String: String]?
    let appMetadata: [String: String]?

    private enum CodingKeys: String, CodingKey {
        case connection, email, password, name, username, blocked
        case emailVerified = "email_verified"
        case userMetadata = "user_metadata"
        case appMetadata = "app_metadata"
    }
}
