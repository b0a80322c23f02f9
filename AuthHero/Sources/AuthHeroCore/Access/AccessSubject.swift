/// Whose access a token stands for: a user or a machine client of one tenant (client ids are unique only within a
/// tenant, so the tenant is part of the subject).
public enum AccessSubject: Hashable, Sendable {
    case user(id: String, tenantID: String)
    case client(id: String, tenantID: String)
    /// Every machine client of one tenant: its clients, client grants or resource servers changed.
    case machineAccess(tenantID: String)
    /// The tenant itself: its settings or custom domains changed, or it was deleted.
    case tenant(id: String)

    /// The tenant the subject belongs to.
    public var tenantID: String {
        switch self {
        case .user(_, let tenantID), .client(_, let tenantID), .machineAccess(let tenantID): tenantID
        case .tenant(let id): id
        }
    }
}
