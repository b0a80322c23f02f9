/// A committed control-plane write that customer tenants may need to follow. Routes report
/// one after the write lands; the multi-tenancy layer fans it out through the outbox, and its reconcile pass
/// repairs anything a crash between the write and the report left behind.
public enum ControlPlaneChange: Codable, Sendable, Equatable {
    /// A resource server was created or updated (scopes, name, flags).
    case resourceServerSaved(identifier: String)
    /// A resource server was deleted.
    case resourceServerDeleted(identifier: String)
    /// A role was created, updated, or its permissions changed.
    case roleSaved(id: String)
    /// A role was deleted.
    case roleDeleted(id: String)
}
