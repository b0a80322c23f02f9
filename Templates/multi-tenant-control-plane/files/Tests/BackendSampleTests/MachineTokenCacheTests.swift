import Foundation
import Testing

@testable import BackendSample

/// The backend's own client-credentials token is reused until shortly before it expires.
@Suite struct MachineTokenCacheTests {
    /// A token endpoint with its own clock: it counts its calls and hands out tokens valid for `lifetime` seconds.
    final class TokenEndpoint: @unchecked Sendable {
        private let lock = NSLock()
        private var current = Date(timeIntervalSince1970: 1_800_000_000)
        private var count = 0
        private var failuresLeft: Int
        let lifetime: TimeInterval

        init(lifetime: TimeInterval, failures: Int = 0) {
            self.lifetime = lifetime
            self.failuresLeft = failures
        }

        var calls: Int { lock.withLock { count } }
        func now() -> Date { lock.withLock { current } }
        func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }

        func cache() -> MachineTokenCache {
            MachineTokenCache(now: { self.now() }, fetch: { () throws(ControlPlaneFailure) in try self.issue() })
        }

        private func issue() throws(ControlPlaneFailure) -> MachineToken {
            let (call, fails) = lock.withLock {
                count += 1
                failuresLeft -= 1
                return (count, failuresLeft >= 0)
            }
            if fails { throw .refused(status: 401, message: "bad secret") }
            return MachineToken(value: "token-\(call)", expiresAt: now().addingTimeInterval(lifetime))
        }
    }

    @Test func aValidTokenIsReused() async throws {
        let endpoint = TokenEndpoint(lifetime: 3600)
        let cache = endpoint.cache()
        #expect(try await cache.token() == "token-1")
        endpoint.advance(1800)
        #expect(try await cache.token() == "token-1")
        #expect(endpoint.calls == 1)
    }

    @Test func aTokenCloseToExpiryIsReplaced() async throws {
        let endpoint = TokenEndpoint(lifetime: 3600)
        let cache = endpoint.cache()
        _ = try await cache.token()
        endpoint.advance(3600 - MachineTokenCache.renewalMargin + 1)
        #expect(try await cache.token() == "token-2")
        #expect(endpoint.calls == 2)
    }

    @Test func aFailedFetchIsReportedAndRetriedNextTime() async throws {
        let endpoint = TokenEndpoint(lifetime: 3600, failures: 1)
        let cache = endpoint.cache()
        await #expect(throws: ControlPlaneFailure.refused(status: 401, message: "bad secret")) {
            try await cache.token()
        }
        #expect(try await cache.token() == "token-2")
    }
}
