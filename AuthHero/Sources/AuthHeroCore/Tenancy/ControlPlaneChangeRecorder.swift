/// Where Management API routes report control-plane changes (``ControlPlaneChange``); called only for writes in the
/// control-plane tenant, after they commit.
public protocol ControlPlaneChangeRecorder: Sendable {
    /// Records `change` for fan-out to customer tenants; a throw means the change was not recorded (reconcile will
    /// still repair it).
    func record(_ change: ControlPlaneChange) async throws
}

/// A recorder that drops every change: for a runtime without multi-tenancy (single-tenant projects, some tests).
public struct IgnoringControlPlaneChanges: ControlPlaneChangeRecorder {
    /// Creates the recorder.
    public init() {}

    public func record(_ change: ControlPlaneChange) async throws {}
}
