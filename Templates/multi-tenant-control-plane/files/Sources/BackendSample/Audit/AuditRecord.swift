import Foundation

/// One line of the audit log: who read which customer's data, through which route, when.
struct AuditRecord: Codable, Sendable, Equatable {
    /// What happened, e.g. `support_access`.
    let action: String
    /// The token's `sub`: the staff user, or `{client_id}@clients` for a service.
    let actor: String
    /// The token's `client_id`: the application the actor used.
    let clientID: String?
    /// The customer (organization id) whose data was read.
    let customer: String
    /// Method and path of the request.
    let route: String
    /// When the request was accepted, ISO 8601 in UTC.
    let time: String

    /// A record of `token`'s request on `route` for `customer`, stamped `at`.
    init(action: String, actor: String, clientID: String?, customer: String, route: String, at date: Date) {
        self.action = action
        self.actor = actor
        self.clientID = clientID
        self.customer = customer
        self.route = route
        self.time = date.formatted(.iso8601)
    }

    private enum CodingKeys: String, CodingKey {
        case action, actor
        case clientID = "client_id"
        case customer, route, time
    }
}
