import AuthHeroCore

/// A role in Auth0's shape (`{id, name, description}`).
struct ManagementRole: Encodable, Sendable {
    let id: String
    let name: String
    let description: String

    init(_ role: Role) {
        id = role.id
        name = role.name
        description = role.description
    }
}
