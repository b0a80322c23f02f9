import AuthHeroCore
import AuthHeroServer
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Floods and guessing against the login and sign-up forms, over real HTTP: each is refused with its exact status
/// and page, and leaves nothing behind.
@Suite struct LoginAbuseTests {
    private static let throttled = "Too many attempts. Wait 15 minute(s) before trying again."

    @Test func fortySignUpsWithOneTransactionAreThrottled() async throws {
        try await LoginTestServer.run { server in
            let browser = server.browser()
            let form = try await server.openSignupPage(browser, tenantID: "alpha")
            let usersBefore = try await server.userCount("alpha")
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<40 {
                let answer = try await server.submit(
                    form, browser, tenantID: "alpha", password: "another long password")
                statuses.append(answer.status)
                if answer.status == .tooManyRequests {
                    #expect(answer.text.contains(Self.throttled))
                    #expect(answer.head.headerFields[.retryAfter] == "900")
                } else {
                    #expect(answer.text.contains("We could not create an account with these details."))
                }
            }
            // Five failed sign-ups for one account from one address, then every other attempt is refused unhashed.
            #expect(statuses == Array(repeating: .badRequest, count: 5) + Array(repeating: .tooManyRequests, count: 35))
            #expect(try await server.userCount("alpha") == usersBefore)
        }
    }

    @Test func signUpsFromOneAddressAreCappedAcrossAccounts() async throws {
        let policy = LoginThrottle.Policy(signupsPerAddress: 3)
        try await LoginTestServer.run(loginThrottle: policy) { server in
            // Each sign-up is a new person's browser: a signed-up browser would skip the pages with its session.
            for index in 0..<3 {
                let browser = server.browser()
                let form = try await server.openSignupPage(browser, tenantID: "alpha")
                let answer = try await server.submit(
                    form, browser, tenantID: "alpha", email: "new\(index)@example.com", password: "a long password")
                #expect(answer.status == .found)
            }
            let usersBefore = try await server.userCount("alpha")
            let browser = server.browser()
            let form = try await server.openSignupPage(browser, tenantID: "alpha")
            let refused = try await server.submit(
                form, browser, tenantID: "alpha", email: "new9@example.com", password: "a long password")
            #expect(refused.status == .tooManyRequests)
            #expect(refused.text.contains(Self.throttled))
            #expect(try await server.userCount("alpha") == usersBefore)
            // The counters are per tenant: the same address still signs up at another tenant.
            let beta = try await server.openSignupPage(browser, tenantID: "beta")
            let elsewhere = try await server.submit(
                beta, browser, tenantID: "beta", email: "new9@example.com", password: "a long password")
            #expect(elsewhere.status == .found)
        }
    }

    @Test func concurrentWrongPasswordsCountOneEach() async throws {
        // Enough hashing slots that every guess reaches the throttle; the throttle alone decides.
        try await LoginTestServer.run(maximumConcurrentHashes: 64) { server in
            let browser = server.browser()
            let form = try await server.openLoginPage(
                browser, tenantID: "alpha", authorizePath: LoginTestServer.authorizePath(pkce: PKCEPair()))
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<12 {
                    group.addTask {
                        try await server.submit(form, browser, tenantID: "alpha", password: "guess \(index)").status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .unauthorized }.count == 5)
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 7)
            let rightPassword = try await server.submit(form, browser, tenantID: "alpha")
            #expect(rightPassword.status == .tooManyRequests)
            #expect(rightPassword.location == nil)
        }
    }

    @Test func failuresAtOneTenantDoNotThrottleAnother() async throws {
        try await LoginTestServer.run(loginThrottle: LoginThrottle.Policy(failuresPerAddress: 3)) { server in
            let browser = server.browser()
            let alpha = try await server.openLoginPage(
                browser, tenantID: "alpha", authorizePath: LoginTestServer.authorizePath(pkce: PKCEPair()))
            for index in 0..<3 {
                let failed = try await server.submit(
                    alpha, browser, tenantID: "alpha", email: "user\(index)@example.com", password: "guess")
                #expect(failed.status == .unauthorized)
            }
            let refused = try await server.submit(alpha, browser, tenantID: "alpha")
            #expect(refused.status == .tooManyRequests)
            _ = try await server.logInForCode(browser, tenantID: "beta", pkce: PKCEPair())
        }
    }

    @Test func aSpoofedForwardedForFromAnUntrustedPeerIsIgnored() async throws {
        try await LoginTestServer.run { server in
            let browser = server.browser()
            let form = try await server.openLoginPage(
                browser, tenantID: "alpha", authorizePath: LoginTestServer.authorizePath(pkce: PKCEPair()))
            for index in 0..<5 {
                let failed = try await server.submit(
                    form, browser, tenantID: "alpha", password: "guess", forwardedFor: "203.0.113.\(index)")
                #expect(failed.status == .unauthorized)
            }
            // Every guess counted against the real peer, 127.0.0.1, whatever the header claimed.
            let refused = try await server.submit(form, browser, tenantID: "alpha", forwardedFor: "198.51.100.77")
            #expect(refused.status == .tooManyRequests)
            #expect(refused.text.contains(Self.throttled))
        }
    }

    @Test func aTrustedProxysForwardedAddressIsUsed() async throws {
        let proxies = try TrustedProxies(cidrs: ["127.0.0.0/8"])
        try await LoginTestServer.run(trustedProxies: proxies) { server in
            let browser = server.browser()
            let form = try await server.openLoginPage(
                browser, tenantID: "alpha", authorizePath: LoginTestServer.authorizePath(pkce: PKCEPair()))
            for _ in 0..<5 {
                let failed = try await server.submit(
                    form, browser, tenantID: "alpha", password: "guess", forwardedFor: "203.0.113.9")
                #expect(failed.status == .unauthorized)
            }
            // A forged left-most entry does not move the guesser: the proxy appended its real address last.
            let forged = try await server.submit(
                form, browser, tenantID: "alpha", forwardedFor: "192.0.2.1, 203.0.113.9")
            #expect(forged.status == .tooManyRequests)
            // Alice, behind the same proxy at another address, still logs in.
            let alice = try await server.submit(form, browser, tenantID: "alpha", forwardedFor: "198.51.100.4")
            #expect(alice.status == .found)
            #expect(alice.location?.hasPrefix(LoginTestServer.callback + "?") == true)
        }
    }

    @Test func aHashBeyondTheCapIsAnswered429WithRetryAfter() async throws {
        try await LoginTestServer.run(maximumConcurrentHashes: 1) { server in
            let browser = server.browser()
            let form = try await server.openLoginPage(
                browser, tenantID: "alpha", authorizePath: LoginTestServer.authorizePath(pkce: PKCEPair()))
            // Hold the only hashing slot until the test's signal (no thread is blocked while it is held).
            let (started, startedSignal) = AsyncStream.makeStream(of: Void.self)
            let (releases, releaseSignal) = AsyncStream.makeStream(of: Void.self)
            let holder = Task {
                try await server.services.passwordHashing.withSlot {
                    startedSignal.yield()
                    for await _ in releases { break }
                }
            }
            var iterator = started.makeAsyncIterator()
            _ = await iterator.next()
            let usersBefore = try await server.userCount("alpha")
            let login = try await server.submit(form, browser, tenantID: "alpha")
            let newcomer = server.browser()
            let signupForm = try await server.openSignupPage(newcomer, tenantID: "alpha")
            let signup = try await server.submit(
                signupForm, newcomer, tenantID: "alpha", email: "carol@example.com", password: "a long password")
            releaseSignal.yield()
            try await holder.value
            for answer in [login, signup] {
                #expect(answer.status == .tooManyRequests)
                #expect(answer.head.headerFields[.retryAfter] == "1")
                #expect(answer.text.contains("The server is busy. Try again in 1 second(s)."))
                #expect(answer.location == nil)
            }
            #expect(try await server.userCount("alpha") == usersBefore)
            // The slot is free again: the same login now succeeds.
            let retried = try await server.submit(form, browser, tenantID: "alpha")
            #expect(retried.status == .found)
        }
    }
}

extension LoginTestServer {
    /// Follows `/authorize` to the sign-up page of `tenantID` and returns its form.
    func openSignupPage(_ browser: Browser, tenantID: String) async throws -> HTMLForm {
        let host = Self.host(tenantID)
        let authorize = try await browser.get(Self.authorizePath(pkce: PKCEPair()), host: host)
        let loginPath = try #require(authorize.location)
        let page = try await browser.get(loginPath.replacingOccurrences(of: "/u/login", with: "/u/signup"), host: host)
        #expect(page.status == .ok)
        return try #require(HTMLForm(html: page.text))
    }

    /// Submits `form` as a proxy would forward it, with `X-Forwarded-For`.
    func submit(
        _ form: HTMLForm, _ browser: Browser, tenantID: String, email: String = "alice@example.com",
        password: String = LoginTestServer.password, forwardedFor: String
    ) async throws -> TestClient.Response {
        var fields = form.fields
        fields["email"] = email
        fields["password"] = password
        return try await browser.post(
            form.action, host: Self.host(tenantID), form: fields, headers: [.xForwardedFor: forwardedFor])
    }

    /// How many users `tenantID` has.
    func userCount(_ tenantID: String) async throws -> Int {
        try await services.storage.users(matching: nil, window: ListWindow(offset: 0, limit: 1), tenantID: tenantID)
            .total
    }
}

extension HTTPFields.Element.Name {
    static let xForwardedFor = Self("X-Forwarded-For")!
}
