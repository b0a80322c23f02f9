import AuthHeroVerify
import Foundation
import Hummingbird
import JWTKit
import Testing

/// The remote source against a real JWKS served over HTTP on 127.0.0.1, with the URLSession fetcher.
struct LoopbackJWKSTests {
    let tenant = TestIssuer.tenantA
    /// The production fetcher with a generous timeout: a loaded two-core machine running the whole suite in parallel
    /// once took longer than the default 10 s to answer on loopback.
    let fetcher = URLSessionJWKSFetcher(timeout: 60)

    @Test func tokenVerifiesAgainstAJWKSServedOnLoopback() async throws {
        let jwks = try JSONEncoder().encode(tenant.jwks)
        let requests = ReadCounter()
        let router = Router()
        router.get(".well-known/jwks.json") { _, _ -> Response in
            requests.increment()
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(bytes: jwks)))
        }
        router.get("broken/jwks.json") { _, _ in Response(status: .internalServerError) }

        try await withServer(router) { port in
            let source = RemoteJWKSSource(
                url: URL(string: "http://127.0.0.1:\(port)/.well-known/jwks.json")!, fetcher: fetcher)
            let verifier = tenant.verifier(keys: source)
            for token in [try await tenant.signRS256(tenant.claims), try await tenant.signES256(tenant.claims)] {
                #expect(try await verifier.verify(token).subject == "auth0|user-1")
            }
            #expect(requests.value == 1)

            let broken = RemoteJWKSSource(
                url: URL(string: "http://127.0.0.1:\(port)/broken/jwks.json")!, fetcher: fetcher)
            let token = try await tenant.signRS256(tenant.claims)
            guard case .keysUnavailable(let reason) = await tenant.verifier(keys: broken).failure(token) else {
                Issue.record("a 500 from the JWKS URL must give keysUnavailable")
                return
            }
            #expect(reason.contains("500"))
        }
    }

    /// Runs `router` on 127.0.0.1 on a port the system picks, calls `body` with the port, then stops the server.
    private func withServer(
        _ router: Router<BasicRequestContext>, _ body: @escaping @Sendable (Int) async throws -> Void
    ) async throws {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            }
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port != 0 else {
                group.cancelAll()
                Issue.record("the loopback server did not start")
                return
            }
            do {
                try await body(port)
            } catch {
                group.cancelAll()
                throw error
            }
            group.cancelAll()
        }
    }
}
