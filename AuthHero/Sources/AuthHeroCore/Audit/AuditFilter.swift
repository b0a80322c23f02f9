/// Which audit events a reader wants; every field left nil matches everything.
public struct AuditFilter: Sendable, Equatable {
    /// Only events by this actor (`auth0|...`, `{client_id}@clients`, `system`).
    public var actor: String?
    /// Only events with this action (e.g. `signing_key.rotated`).
    public var action: String?

    /// Creates a filter.
    public init(actor: String? = nil, action: String? = nil) {
        self.actor = actor
        self.action = action
    }
}
