import OpenAPIKit

/// The body of `PATCH /api/v2/users/{id}`: every field optional; metadata is merged key by key and a `null` value
/// removes its key, as Auth0 does.
struct UpdateUserBody: ManagementBody {
    static let schemaName = "UpdateUser"
    static var schema: JSONSchema {
        SpecSchema.strictBody([
            "email": .string(required: false), "password": .string(required: false),
            "name": .string(required: false), "username": .string(required: false),
            "email_verified": .boolean(required: false), "blocked": .boolean(required: false),
            "user_metadata": SpecSchema.metadataChanges, "app_metadata": SpecSchema.metadataChanges,
        ])
    }
    static let shape =
        #"{"email"?: string, "password"?: string, "name"?: string, "username"?: string, "email_verified"?: bool, "#
        + #""blocked"?: bool, "user_metadata"?: {string: string|null}, "app_metadata"?: {string: string|null}}"#

    let email: String?
    let password: String?
    let name: String?
    let username: String?
    let emailVerified: Bool?
    let blocked: Bool?
    let userMetadata: [String: String?]?
    let appMetadata: [String: String?]?

    private enum CodingKeys: String, CodingKey {
        case email, password, name, username, blocked
        case emailVerified = "email_verified"
        case userMetadata = "user_metadata"
        case appMetadata = "app_metadata"
    }

    /// `metadata` with `changes` applied: `null` removes a key, a string sets it.
    static func merge(_ metadata: [String: String], _ changes: [String: String?]?) -> [String: String] {
        var merged = metadata
        for (key, value) in changes ?? [:] { merged[key] = value }
        return merged
    }
}
