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
