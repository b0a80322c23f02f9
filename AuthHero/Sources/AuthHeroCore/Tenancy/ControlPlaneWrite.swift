import Foundation

/// The context a sync hook receives: which control-plane write it follows, when it was recorded, and the control
/// plane's syncable set as it is now (read once per batch, after the write committed).
public struct ControlPlaneWrite: Sendable {
    /// The recorded change.
    public let change: ControlPlaneChange
    /// When the change was recorded in the outbox.
    public let recordedAt: Date
    /// What the control plane shares with customer tenants now.
    public let syncable: SyncableSet

    /// Creates the context.
    public init(change: ControlPlaneChange, recordedAt: Date, syncable: SyncableSet) {
        self.change = change
        self.recordedAt = recordedAt
        self.syncable = syncable
    }

    /// The synced resource server the change is about, or nil when it was deleted or is internal now.
    public var resourceServer: ResourceServer? {
        switch change {
        case .resourceServerSaved(let identifier), .resourceServerDeleted(let identifier):
            syncable.resourceServer(identifier: identifier)
        case .roleSaved, .roleDeleted: nil
        }
    }

    /// The synced role the change is about (permissions filtered), or nil when it was deleted.
    public var role: RoleGrants? {
        switch change {
        case .roleSaved(let id), .roleDeleted(let id): syncable.role(id: id)
        case .resourceServerSaved, .resourceServerDeleted: nil
        }
    }
}
