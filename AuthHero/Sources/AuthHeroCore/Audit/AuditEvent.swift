import Foundation

/// One append-only audit record: who did what to which object, in which tenant. Never holds secrets or tokens.
public struct AuditEvent: Codable, Sendable, Equatable {
    public var tenantID: String
    public var occurredAt: Date
    /// The acting subject (`auth0|...`, `{client_id}@clients`, or `system`).
    public var actor: String
    /// A dotted verb such as `signing_key.rotated`.
    public var action: String
    public var target: String
    public var details: [String: String]

    /// Creates an audit event.
    public init(
        tenantID: String, occurredAt: Date, actor: String, action: String, target: String,
        details: [String: String] = [:]
    ) {
        self.tenantID = tenantID
        self.occurredAt = occurredAt
        self.actor = actor
        self.action = action
        self.target = target
        self.details = details
    }
}
