import Foundation

/// A Swift `Clock` that only moves when a test advances it, so cache expiry measured in `Duration`s is tested
/// without sleeping.
public final class ManualDurationClock: Clock, @unchecked Sendable {
    /// A point on this clock: how far it has been advanced from zero.
    public struct Instant: InstantProtocol {
        /// The time since the clock started.
        public var offset: Duration

        /// The instant `duration` later.
        public func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        /// The time from this instant to `other`.
        public func duration(to other: Instant) -> Duration { other.offset - offset }
        /// Whether `lhs` comes before `rhs`.
        public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private let lock = NSLock()
    private var current = Instant(offset: .zero)

    /// A clock at zero.
    public init() {}

    /// The instant the clock shows.
    public var now: Instant { lock.withLock { current } }
    /// One nanosecond.
    public var minimumResolution: Duration { .nanoseconds(1) }

    /// Moves the clock forward by `duration`.
    public func advance(by duration: Duration) {
        lock.withLock { current = current.advanced(by: duration) }
    }

    /// Returns at once after moving the clock to `deadline`: nothing under test should wait on this clock.
    public func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        lock.withLock { current = max(current, deadline) }
    }
}
