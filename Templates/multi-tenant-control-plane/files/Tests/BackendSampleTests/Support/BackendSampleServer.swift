import Foundation
import Hummingbird
import HummingbirdTesting
import Logging

@testable import BackendSample

/// The backend sample on 127.0.0.1 (port 0), built by the same ``BackendApplication`` the executable runs.
struct BackendSampleServer {
    let port: Int
    let configuration: BackendConfiguration

    /// Starts the backend sample with `configuration`, runs `body` against it, and stops it.
    static func run(
        _ configuration: BackendConfiguration, _ body: @Sendable (BackendSampleServer) async throws -> Void
    ) async throws {
        let (ports, reported) = AsyncStream.makeStream(of: Int.self)
        let app = BackendApplication.make(
            services: BackendServices(configuration: configuration), hostname: "127.0.0.1", port: 0,
            logger: .quiet("backend-sample-test"), onServerRunning: { reported.yield($0) })
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw CancellationError() }
            defer { group.cancelAll() }
            try await body(BackendSampleServer(port: port, configuration: configuration))
        }
    }

    /// `GET path`, with `Authorization: Bearer <token>` when a token is given, or with `authorization` verbatim.
    func get(_ path: String, token: String? = nil, authorization: String? = nil) async throws -> TestClient.Response {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let authorization { headers[.authorization] = authorization }
        let request = TestClient.Request(path, method: .get, authority: "127.0.0.1:\(port)", headers: headers)
        return try await TestClient.withClient(
            // 60 s instead of HummingbirdTesting's 15: the whole suite runs in parallel (bcrypt included), and a
            // loaded two-core CI machine once took longer than 15 s to answer.
            host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(60))) { client in
            try await client.execute(request)
        }
    }
}
