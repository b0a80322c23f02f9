import OpenAPIKit

/// `{"roles": [role_id, ...]}`: the body that gives roles to, or takes them from, a user or a member.
struct RoleIDsBody: ManagementBody {
    static let schemaName = "RoleIDs"
    static let shape = #"{"roles": [role id, ...]} with at least one id"#
    static var schema: JSONSchema {
        SpecSchema.strictBody(["roles": .array(minItems: 1, items: .string)])
    }

    let roles: [String]

    /// Auth0 refuses an empty list.
    func validate() throws(ManagementError) {
        guard !roles.isEmpty else { throw ManagementError.invalidBody("The body must be \(Self.shape).") }
    }
}
