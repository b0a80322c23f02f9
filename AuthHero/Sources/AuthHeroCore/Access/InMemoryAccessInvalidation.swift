/// ``AccessInvalidation`` within one process, which is all SQLite storage has: every invalidation reaches every
/// observer at once.
public final class InMemoryAccessInvalidation: AccessInvalidation {
    private let observers = LockedValue<[@Sendable (AccessSubject) -> Void]>([])

    /// Creates a channel with no observers.
    public init() {}

    public func invalidate(user: String, tenant: String) async {
        announce(.user(id: user, tenantID: tenant))
    }

    public func invalidate(client: String, tenant: String) async {
        announce(.client(id: client, tenantID: tenant))
    }

    public func invalidate(machineAccessOf tenant: String) async {
        announce(.machineAccess(tenantID: tenant))
    }

    public func invalidate(tenant: String) async {
        announce(.tenant(id: tenant))
    }

    public func observe(_ handler: @escaping @Sendable (AccessSubject) -> Void) {
        observers.withValue { $0.append(handler) }
    }

    private func announce(_ subject: AccessSubject) {
        for observer in observers.withValue({ $0 }) { observer(subject) }
    }
}
