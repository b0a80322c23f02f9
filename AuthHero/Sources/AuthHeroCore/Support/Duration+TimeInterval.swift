import Foundation

extension Duration {
    /// The duration in seconds, as `Date` arithmetic takes it.
    public var timeInterval: TimeInterval {
        TimeInterval(components.seconds) + TimeInterval(components.attoseconds) / 1e18
    }
}
