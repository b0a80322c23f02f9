import Hummingbird

/// `{"roles": [role_id, ...]}`: the body that gives roles to, or takes them from, a user or a member.
struct RoleIDsBody: Decodable {
    static let shape = #"{"roles": [role id, ...]} with at least one id"#

    let roles: [String]

    /// Decodes the body; an empty list is refused as Auth0 does.
    static func decode(_ request: Request) async throws -> [String] {
        let body = try await ManagementRequest.body(RoleIDsBody.self, request, shape: shape)
        guard !body.roles.isEmpty else { throw ManagementError.invalidBody("The body must be \(shape).") }
        return body.roles
    }
}
