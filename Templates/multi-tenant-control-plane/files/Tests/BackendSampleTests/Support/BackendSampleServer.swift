import AuthHeroTesting
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
        try await withRunningServer { onServerRunning in
            BackendApplication.make(
                services: BackendServices(configuration: configuration), hostname: "127.0.0.1", port: 0,
                logger: .quiet("backend-sample-test"), onServerRunning: onServerRunning)
        } _: { port in
            try await body(BackendSampleServer(port: port, configuration: configuration))
        }
    }

    /// `GET path`, with `Authorization: Bearer <token>` when a token is given, or with `authorization` verbatim.
    func get(_ path: String, token: String? = nil, authorization: String? = nil) async throws -> TestClient.Response {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let authorization { headers[.authorization] = authorization }
        return try await Browser(port: port).send(.get, path, host: "127.0.0.1:\(port)", headers: headers)
    }
}
