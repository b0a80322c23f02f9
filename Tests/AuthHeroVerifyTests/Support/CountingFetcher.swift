import AuthHeroVerify
import Foundation

/// A JWKS fetcher that serves a document a test can swap, counts requests, and can be told to fail.
final class CountingFetcher: JWKSFetcher, @unchecked Sendable {
    struct Unreachable: Error {}

    private let lock = NSLock()
    private var document: Data
    private var failing = false
    private var count = 0

    init(serving document: Data) {
        self.document = document
    }

    var calls: Int { lock.withLock { count } }

    func serve(_ document: Data) { lock.withLock { self.document = document } }
    func fail(_ failing: Bool) { lock.withLock { self.failing = failing } }

    func fetch(_ url: URL) async throws -> Data {
        try lock.withLock {
            count += 1
            if failing { throw Unreachable() }
            return document
        }
    }
}
