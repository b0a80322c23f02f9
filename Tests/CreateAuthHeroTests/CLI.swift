import Foundation
import Testing

/// Runs the built `create-authhero` as a subprocess, with stdin at end of input, in a scratch
/// directory, and kills it if it outlives a generous limit (a hang is a failure, never a wait).
struct CLI {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static let executable: URL = {
        let candidates = [
            Bundle.main.executableURL?.deletingLastPathComponent(),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".build/debug"),
        ]
        for folder in candidates.compactMap({ $0 }) {
            let url = folder.appendingPathComponent("create-authhero")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return URL(fileURLWithPath: "/nonexistent/create-authhero")
    }()

    /// A fresh scratch directory to run in.
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("cli-tests-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// Runs in an existing directory (not removed by ``remove()`` of another instance).
    init(at directory: URL) {
        self.directory = directory
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Starts the executable; the caller waits (or kills).
    func start(_ arguments: [String], environment: [String: String] = [:]) throws -> (Process, URL, URL) {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardInput = FileHandle.nullDevice
        // Output goes beside, not inside, the scratch directory, whose listing tests inspect.
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("cli-stdout-\(UUID().uuidString)")
        let err = FileManager.default.temporaryDirectory.appendingPathComponent("cli-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        return (process, out, err)
    }

    /// Runs to completion (at most 120 s, then killed and reported).
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let (process, out, err) = try start(arguments, environment: environment)
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            process.terminate()
            Issue.record("create-authhero \(arguments) did not finish: it must never hang")
        }
        process.waitUntilExit()
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        return Result(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? ""
        )
    }

    /// Every regular file below `folder` with its bytes and executable bit (hidden files included).
    static func snapshot(_ folder: URL) -> [String: String] {
        var found: [String: String] = [:]
        let base = folder.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        else { return [:] }
        for case let url as URL in walker
        where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let path = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
            let bytes = FileManager.default.contents(atPath: url.path) ?? Data()
            let mode = FileManager.default.isExecutableFile(atPath: url.path) ? "x " : "- "
            found[path] = mode + bytes.base64EncodedString()
        }
        return found
    }

    /// Names in `folder`, hidden ones included.
    static func entries(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }
}
