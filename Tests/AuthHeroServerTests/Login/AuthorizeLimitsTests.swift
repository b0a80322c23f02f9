import AuthHeroCore
import AuthHeroServer
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `/authorize` keeps what a caller can make it hold bounded: the size of `state` and `nonce`, and the number of
/// open login transactions per client address.
@Suite struct AuthorizeLimitsTests {
    @Test func anOversizeStateIsRefused() async throws {
        try await LoginTestServer.run { server in
            let browser = server.browser()
            let host = LoginTestServer.host("alpha")
            let accepted = try await browser.get(
                LoginTestServer.authorizePath(pkce: PKCEPair(), state: String(repeating: "s", count: 2048)), host: host)
            #expect(accepted.status == .found)
            let before = await server.openTransactions()
            let refused = try await browser.get(
                LoginTestServer.authorizePath(pkce: PKCEPair(), state: String(repeating: "s", count: 2049)), host: host)
            #expect(refused.status == .badRequest)
            #expect(refused.location == nil)
            #expect(
                refused.text.contains(
                    "invalid_request: the state parameter is 2049 bytes long; at most 2048 are accepted."))
            #expect(await server.openTransactions() == before)
        }
    }

    @Test func anOversizeNonceIsRefused() async throws {
        try await LoginTestServer.run { server in
            let browser = server.browser()
            let host = LoginTestServer.host("alpha")
            let accepted = try await browser.get(
                LoginTestServer.authorizePath(pkce: PKCEPair(), ["nonce": String(repeating: "n", count: 512)]),
                host: host)
            #expect(accepted.status == .found)
            let before = await server.openTransactions()
            let refused = try await browser.get(
                LoginTestServer.authorizePath(pkce: PKCEPair(), ["nonce": String(repeating: "é", count: 257)]),
                host: host)
            #expect(refused.status == .badRequest)
            #expect(refused.location == nil)
            #expect(
                refused.text.contains(
                    "invalid_request: the nonce parameter is 514 bytes long; at most 512 are accepted."))
            #expect(await server.openTransactions() == before)
        }
    }

    @Test func manyTransactionsFromOneAddressAreCapped() async throws {
        let limits = LoginTransactionLimits(perAddress: 3)
        try await LoginTestServer.run(loginTransactions: limits) { server in
            let browser = server.browser()
            let host = LoginTestServer.host("alpha")
            for _ in 0..<3 {
                let opened = try await browser.get(LoginTestServer.authorizePath(pkce: PKCEPair()), host: host)
                #expect(opened.status == .found)
            }
            let refused = try await browser.get(LoginTestServer.authorizePath(pkce: PKCEPair()), host: host)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.location == nil)
            #expect(refused.head.headerFields[.retryAfter] == "60")
            #expect(
                refused.text.contains(
                    "Too many login pages are open from your network. Finish or close one, or wait 30 minutes."))
            #expect(await server.openTransactions() == 3)
        }
    }
}

extension LoginTestServer {
    /// How many login transactions the server holds open.
    func openTransactions() async -> Int {
        guard let store = services.login.transactions as? InMemoryLoginTransactionStore else { return -1 }
        return await store.count
    }
}
