import AuthHeroCore
import OpenAPIKit

/// The body of `POST /api/v2/users` (Auth0's fields this runtime stores).
struct CreateUserBody: ManagementBody {
    static let schemaName = "CreateUser"
    static var schema: JSONSchema {
        SpecSchema.strictBody([
            "connection": .string, "email": .string(format: .email),
            "password": .string(minLength: PasswordPolicy().minimumLength),
            "name": .string(required: false), "username": .string(required: false),
            "email_verified": .boolean(required: false), "blocked": .boolean(required: false),
            "user_metadata": SpecSchema.stringMap(required: false),
            "app_metadata": SpecSchema.stringMap(required: false),
        ])
    }
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
