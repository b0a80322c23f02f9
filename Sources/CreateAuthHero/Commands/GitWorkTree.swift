import Foundation

/// Asks git whether a directory is inside a work tree with uncommitted changes. Without git, or
/// outside a work tree, there is nothing to protect and the answer is no.
enum GitWorkTree {
    static func hasUncommittedChanges(at directory: URL) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory.path, "status", "--porcelain", "--", "."]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 && !data.isEmpty
    }
}
