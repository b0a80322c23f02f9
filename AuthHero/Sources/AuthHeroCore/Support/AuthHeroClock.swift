import Foundation

/// The source of "now" for everything that dates a token, a key or a code, injectable so tests control time.
public protocol AuthHeroClock: Sendable {
    /// The current instant.
    func now() -> Date
}

/// The wall clock.
public struct SystemClock: AuthHeroClock {
    /// Creates the wall clock.
    public init() {}
    /// `Date()`.
    public func now() -> Date { Date() }
}
