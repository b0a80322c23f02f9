import AuthHeroTesting
import Foundation
import HTTPTypes
import Logging
import Testing

@Suite struct LogSecrecyTests {
    @Test func secretsAndTokensNeverReachTheLog() async throws {
        let captured = CapturedLog()
        var logger = Logger(label: "authhero-test") { _ in captured }
        logger.logLevel = .trace
        try await LiveServer.run(logger: logger) { server in
            let token = try await server.accessToken("alpha")
            var wrong = server.clientCredentialsForm("alpha")
            wrong["client_secret"] = "wrong-secret-value"
            _ = try await server.tokenRequest("alpha", form: wrong)
            _ = try await server.send(
                .post, "/oauth/token", host: LiveServer.host("alpha"), headers: [.contentType: "application/json"],
                body: #"{"client_secret":"\#(server.secrets["alpha"]!)","grant_type":"#)
            let text = captured.text
            #expect(!text.isEmpty)
            for secret in [server.secrets["alpha"]!, "wrong-secret-value", token] {
                #expect(!text.contains(secret))
            }
        }
    }
}

/// A log handler that keeps every message and its metadata in memory.
final class CapturedLog: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    var text: String { lock.withLock { lines.joined(separator: "\n") } }

    func log(event: LogEvent) {
        let line = "\(event.level) \(event.message) \(metadata) \(event.metadata ?? [:])"
        lock.withLock { lines.append(line) }
    }
}
