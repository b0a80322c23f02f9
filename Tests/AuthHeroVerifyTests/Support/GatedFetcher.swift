import AuthHeroVerify
import Foundation

/// A JWKS fetcher whose responses wait until the test opens the gate, to hold a fetch in flight.
final class GatedFetcher: JWKSFetcher, Sendable {
    private actor Gate {
        private var isOpen = false
        private var waiters: [CheckedContinuation<Void, Never>] = []

        func pass() async {
            guard !isOpen else { return }
            await withCheckedContinuation { waiters.append($0) }
        }

        func open() {
            isOpen = true
            for waiter in waiters { waiter.resume() }
            waiters = []
        }
    }

    private let gate = Gate()
    private let requests = ReadCounter()
    private let document: Data

    init(serving document: Data) {
        self.document = document
    }

    var calls: Int { requests.value }

    func open() async { await gate.open() }

    func fetch(_ url: URL) async throws -> Data {
        requests.increment()
        await gate.pass()
        return document
    }
}
