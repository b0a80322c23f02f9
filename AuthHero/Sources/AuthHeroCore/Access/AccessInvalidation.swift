/// The one way to say "what this user or client may do has just shrunk" (removed from an organization, blocked,
/// deleted; a client deleted; a tenant's clients, client grants or APIs changed; a tenant's settings or domains
/// changed, or the tenant deleted), so every cache of access decisions drops what it remembers about them.
///
/// Whoever makes such a change calls ``invalidate(user:tenant:)``, ``invalidate(client:tenant:)`` or
/// ``invalidate(machineAccessOf:)`` (or ``invalidate(tenant:)``) after the write;
/// every cache subscribes with ``observe(_:)``. An implementation shared between server processes (a database
/// channel, e.g. PostgreSQL `LISTEN`/`NOTIFY`) delivers each invalidation to the observers of every process; caches
/// bound how late that may be with their entry lifetime, so a lost notification costs at most one lifetime.
public protocol AccessInvalidation: Sendable {
    /// Announces that `user` of tenant `tenant` lost access.
    func invalidate(user: String, tenant: String) async
    /// Announces that machine client `client` of tenant `tenant` lost access.
    func invalidate(client: String, tenant: String) async
    /// Announces that a client, client grant or resource server of tenant `tenant` was created, changed or deleted:
    /// what its machine clients may be issued has to be read again.
    func invalidate(machineAccessOf tenant: String) async
    /// Announces that tenant `tenant` itself changed (its settings or custom domains) or was deleted: the host and
    /// tenant it resolves to have to be read again, and nothing remembered about it stays.
    func invalidate(tenant: String) async
    /// Calls `handler` for every invalidation from now on, in this process and in any other the implementation
    /// reaches; `handler` must be quick (it runs on the announcing task).
    func observe(_ handler: @escaping @Sendable (AccessSubject) -> Void)
}
