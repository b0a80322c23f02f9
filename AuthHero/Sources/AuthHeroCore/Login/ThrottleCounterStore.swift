import Foundation

/// One counter a throttled attempt is counted against: at most `limit` attempts per `window` seconds under `key`.
public struct ThrottleLimit: Sendable, Equatable {
    /// What is counted, e.g. one account at one tenant from one address.
    public var key: String
    /// Attempts allowed in one window.
    public var limit: Int
    /// The window's length in seconds; a counter starts afresh once its window has passed.
    public var window: TimeInterval

    /// Creates a limit.
    public init(key: String, limit: Int, window: TimeInterval) {
        self.key = key
        self.limit = limit
        self.window = window
    }
}

/// What ``ThrottleCounterStore/admit(_:now:)`` decided.
public enum ThrottleVerdict: Sendable, Equatable {
    /// Every counter was below its limit, and each now counts this attempt.
    case admitted
    /// A counter is at its limit; nothing was counted. The attempt may be retried after this many seconds.
    case refused(retryAfter: Int)
}

/// Attempt counters in fixed windows, shared by every process that serves the same tenants. Each operation is one
/// atomic step (one actor call in memory, one transaction in a database), so N concurrent attempts count N: a
/// check followed by a separate record would let every concurrent guess through.
public protocol ThrottleCounterStore: Sendable {
    /// Atomically: refuses when any counter has reached its limit within its current window, else adds one to every
    /// counter (a counter whose window has passed starts again at one).
    func admit(_ limits: [ThrottleLimit], now: Date) async throws -> ThrottleVerdict

    /// Takes back one attempt from the counter `key` (an attempt that turned out legitimate); never below zero.
    func refund(_ key: String, now: Date) async throws

    /// Forgets the counter `key`.
    func reset(_ key: String) async throws
}
