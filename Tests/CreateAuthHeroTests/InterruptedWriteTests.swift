import Foundation
import Testing

/// Kills runs mid-write through the test-only hook `CREATE_AUTHHERO_TEST_PAUSE_PER_FILE`, which
/// makes the writer pause after each file.
@Suite struct InterruptedWriteTests {
    /// Slow enough for a 10 ms poll to land inside any phase, fast enough that staging the vendored runtime
    /// (~300 files) finishes well inside the deadline: at 0.2 s per file staging alone took ~58 s of its 60.
    static let slow = ["CREATE_AUTHHERO_TEST_PAUSE_PER_FILE": "0.05"]

    /// Polls until `condition` holds (at most 120 s); the run is killed either way.
    func waitUntil(_ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return false
    }

    @Test func aKillWhileWritingANewProjectLeavesNothing() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let (process, _, _) = try cli.start(
            ["app", "--template", "multi-tenant-control-plane", "--yes"], environment: Self.slow)
        let staged = waitUntil {
            CLI.entries(cli.directory).contains { $0.hasPrefix(".app.create-authhero-") }
                && !CLI.snapshot(cli.directory).isEmpty
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(staged)
        #expect(!FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("app").path))

        let again = try cli.run(["app", "--template", "multi-tenant-control-plane", "--yes"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(CLI.entries(cli.directory) == ["app"], "the next run cleans what the killed one staged")
    }

    @Test func aKillWhileMovingIntoAnExistingDirectoryIsRolledBackByTheNextRun() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let target = cli.directory.appendingPathComponent("app")
        try FileManager.default.createDirectory(
            at: target.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("ref: refs/heads/main\n".utf8).write(to: target.appendingPathComponent(".git/HEAD"))
        let before = CLI.snapshot(target)
        let (process, _, _) = try cli.start(["app", "--template", "single-tenant", "--yes"], environment: Self.slow)
        let moving = waitUntil { CLI.snapshot(target).count > before.count }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(moving)
        #expect(CLI.snapshot(target) != before, "the kill landed mid-move")

        let dryRun = try cli.run(["app", "--template", "single-tenant", "--yes", "--dry-run"])
        #expect(dryRun.status == 0, "\(dryRun.stderr)")
        #expect(dryRun.stderr.contains("rolled back an interrupted run"))
        #expect(CLI.snapshot(target) == before)
        #expect(CLI.entries(target) == [".git"])
        #expect(CLI.entries(cli.directory) == ["app"])
    }
}
