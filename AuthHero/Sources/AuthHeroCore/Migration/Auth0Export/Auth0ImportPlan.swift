/// Everything an export folder holds, decoded and checked, before anything is written: what each record becomes
/// and which records are skipped, with the reason.
public struct Auth0ImportPlan: Sendable {
    struct PlannedUser: Sendable {
        /// Our id: Auth0's `auth0|` user id kept as it is, or nil when the file names none.
        var id: String?
        var connection: String
        var imported: ImportedUser
        /// Where the user was read, for messages.
        var source: String
    }

    struct PlannedRole: Sendable {
        var role: Auth0Role
        var permissions: [Auth0Permission]
    }

    struct PlannedMember: Sendable {
        var userID: String
        var roleIDs: [String]
    }

    struct PlannedOrganization: Sendable {
        var organization: Auth0Organization
        var members: [PlannedMember]
    }

    var users: [PlannedUser] = []
    var connections: [Auth0Connection] = []
    var resourceServers: [Auth0ResourceServer] = []
    var roles: [PlannedRole] = []
    var clients: [Auth0Client] = []
    var organizations: [PlannedOrganization] = []
    /// Records left out while reading (e.g. a user whose hash algorithm this server does not verify).
    public internal(set) var skipped: [Auth0ImportSkip] = []
}

extension Auth0ImportPlan {
    /// How many records of each kind the folder holds to import, then each record skipped while reading: what a dry
    /// run shows for a tenant that does not exist yet (everything would be created).
    public var lines: [String] {
        let counts: [(Auth0RecordKind, Int)] = [
            (.connections, connections.count), (.resourceServers, resourceServers.count), (.roles, roles.count),
            (.permissions, roles.reduce(0) { $0 + $1.permissions.count }), (.users, users.count),
            (.clients, clients.count), (.organizations, organizations.count),
            (.members, organizations.reduce(0) { $0 + $1.members.count }),
            (.memberRoles, organizations.reduce(0) { $0 + $1.members.reduce(0) { $0 + $1.roleIDs.count } }),
        ]
        return counts.map { "\($0.0.rawValue): \($0.1) read" } + skipped.map { "skipped \($0)" }
    }
}
