import NIOConcurrencyHelpers

/// How many tenant creations may be in progress at once. Each one generates an RSA key and copies the control
/// plane's syncable set, so a caller that starts them faster than they finish must be told to wait rather than
/// pile work up.
public struct ProvisioningLimits: Sendable, Equatable {
    /// Creations in progress started from one client address.
    public var pendingPerAddress: Int
    /// Creations in progress in all.
    public var pendingTotal: Int

    /// The defaults: 2 per address, 8 in all.
    public init(pendingPerAddress: Int = 2, pendingTotal: Int = 8) {
        self.pendingPerAddress = pendingPerAddress
        self.pendingTotal = pendingTotal
    }
}

/// Counts tenant creations in progress against ``ProvisioningLimits``; one per process, shared by every copy of
/// the provisioner.
final class ProvisioningGate: Sendable {
    private struct Pending {
        var total = 0
        var perAddress: [String: Int] = [:]
    }

    let limits: ProvisioningLimits
    private let pending = NIOLockedValueBox(Pending())

    init(limits: ProvisioningLimits) { self.limits = limits }

    /// Runs `work` as one creation in progress from `address`; throws ``TenantCreationError/tooManyPending`` when
    /// the address or the process already has its share.
    func run<Result: Sendable>(from address: String, _ work: () async throws -> Result) async throws -> Result {
        let admitted = pending.withLockedValue { pending in
            guard pending.total < limits.pendingTotal,
                pending.perAddress[address, default: 0] < limits.pendingPerAddress
            else { return false }
            pending.total += 1
            pending.perAddress[address, default: 0] += 1
            return true
        }
        guard admitted else { throw TenantCreationError.tooManyPending }
        defer {
            pending.withLockedValue { pending in
                pending.total -= 1
                let remaining = pending.perAddress[address, default: 1] - 1
                pending.perAddress[address] = remaining > 0 ? remaining : nil
            }
        }
        return try await work()
    }
}
