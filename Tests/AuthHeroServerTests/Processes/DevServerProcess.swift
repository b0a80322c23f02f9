import Foundation
import Glibc
import HTTPTypes
import HummingbirdTesting
import Testing

/// One `authhero-dev` process (built next to the tests by `swift build --build-tests`) on a free loopback port,
/// stopped with SIGTERM by ``stop()``.
struct DevServerProcess: Sendable {
    let port: Int
    private let process: Process

    /// The binary built next to the test bundle.
    private static let binary: URL? = {
        let candidates = [
            Bundle.main.executableURL?.deletingLastPathComponent(),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/debug"),
        ]
        return candidates.compactMap { $0?.appendingPathComponent("authhero-dev") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Starts a process serving `baseURL` on PostgreSQL (migrating first as `migrateURL` when given) and seeding
    /// `tenant`, and returns once it answers discovery at `host` (the tenant's).
    static func start(baseURL: String, tenant: String, host: String, databaseURL: String, migrateURL: String?)
        async throws -> DevServerProcess
    {
        let binary = try #require(binary, "build authhero-dev first: swift build --build-tests")
        let port = try FreePort.pick()
        let process = Process()
        process.executableURL = binary
        process.arguments =
            [
                "--port", "\(port)", "--base-url", baseURL, "--tenant", tenant, "--database-url", databaseURL,
            ] + (migrateURL.map { ["--migrate-url", $0] } ?? [])
        var environment = ProcessInfo.processInfo.environment
        for name in ["STORAGE", "DATABASE_URL", "MIGRATE_DATABASE_URL"] { environment[name] = nil }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let server = DevServerProcess(port: port, process: process)
        for _ in 0..<600 {
            guard process.isRunning else { break }
            let status = try? await TestClient.withClient(
                host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(5))
            ) { client in
                try await client.execute(
                    TestClient.Request("/.well-known/openid-configuration", method: .get, authority: host)
                ).head.status
            }
            if status == .ok {
                return server
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        server.stop()
        Issue.record("authhero-dev on port \(port) did not answer discovery (exit: \(process.terminationStatus))")
        throw CancellationError()
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }
}

/// A loopback port no one listens on now: bound to port 0, read, released. Another process could take it before the
/// server binds it; on a test machine that is rare enough, and the server then fails to start, loudly.
enum FreePort {
    static func pick() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EMFILE) }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(socket, generic, length) == 0 && getsockname(socket, generic, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRINUSE) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
