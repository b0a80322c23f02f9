import AuthHeroCore
import Foundation

/// A clock that only moves when told to, for expiry and grace-period tests without sleeping.
public final class ManualClock: AuthHeroClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    /// Starts the clock at `start`.
    public init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) { current = start }

    /// The instant the clock shows.
    public func now() -> Date { lock.withLock { current } }

    /// Moves the clock forward by `seconds`.
    public func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }
}
