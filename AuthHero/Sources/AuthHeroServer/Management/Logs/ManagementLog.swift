import AuthHeroCore
import Foundation

/// An audit event in Auth0's log shape (`GET /api/v2/logs`) as far as ``AuditEvent`` carries it: `type` is the
/// event's dotted action (not one of Auth0's short codes), `user_id` the actor, `client_id` set when the actor is a
/// machine client (`{client_id}@clients`), and `details` the event's details plus its target.
struct ManagementLog: Encodable, Sendable {
    let logID: String
    let date: String
    let type: String
    let description: String
    let userID: String
    let clientID: String?
    let tenantID: String
    let details: [String: String]

    init(_ entry: AuditEntry) {
        let event = entry.event
        logID = String(entry.id)
        date = event.occurredAt.formatted(.iso8601)
        type = event.action
        description = "\(event.action) \(event.target)"
        userID = event.actor
        clientID =
            event.actor.hasSuffix(Self.clientSuffix) ? String(event.actor.dropLast(Self.clientSuffix.count)) : nil
        tenantID = event.tenantID
        details = event.details.merging(["target": event.target]) { own, _ in own }
    }

    private static let clientSuffix = "@clients"

    private enum CodingKeys: String, CodingKey {
        case logID = "log_id"
        case date, type, description, details
        case userID = "user_id"
        case clientID = "client_id"
        case tenantID = "tenant_id"
    }
}
