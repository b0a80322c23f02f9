import Hummingbird

/// Runs a server for the length of `body` and stops it: `makeApplication` builds the application to listen on
/// 127.0.0.1, port 0, reporting the port it got through the closure it is given; `body` receives that port.
public func withRunningServer<App: ApplicationProtocol, Result: Sendable>(
    _ makeApplication: (_ onServerRunning: @escaping @Sendable (Int) async -> Void) -> App,
    _ body: (_ port: Int) async throws -> Result
) async throws -> Result {
    let (ports, portReported) = AsyncStream.makeStream(of: Int.self)
    let app = makeApplication { portReported.yield($0) }
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await app.runService(gracefulShutdownSignals: []) }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        defer { group.cancelAll() }
        return try await body(port)
    }
}
