import Foundation

/// Throws on its first check only: a transient failure.
final class FailFirst: @unchecked Sendable {
    struct Failure: Error {}
    private let lock = NSLock()
    private var failed = false

    func check() throws {
        let first = lock.withLock {
            defer { failed = true }
            return !failed
        }
        if first { throw Failure() }
    }
}
