import AuthHeroCore

/// Records the control-plane changes routes report, or refuses them all when `failing`.
actor ControlPlaneChangeSpy: ControlPlaneChangeRecorder {
    struct Unavailable: Error {}

    private(set) var changes: [ControlPlaneChange] = []
    private let failing: Bool

    init(failing: Bool = false) { self.failing = failing }

    func record(_ change: ControlPlaneChange) async throws {
        guard !failing else { throw Unavailable() }
        changes.append(change)
    }
}
