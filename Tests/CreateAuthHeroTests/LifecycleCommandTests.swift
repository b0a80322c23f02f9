import Foundation
import Scaffold
import Testing

/// `update`, `check` and `diff` run as the shipped binary, on projects generated from the embedded
/// templates. (Updates across template versions are covered with fixtures in `ScaffoldTests`.)
@Suite struct LifecycleCommandTests {
    /// Generates `app` from `template` with defaults; returns the CLI and the project folder.
    func generated(_ template: String = "single-tenant") throws -> (CLI, URL) {
        let cli = try CLI()
        let result = try cli.run(["app", "--template", template, "--yes"])
        #expect(result.status == 0, "\(result.stderr)")
        return (cli, cli.directory.appendingPathComponent("app"))
    }

    func read(_ project: URL, _ path: String) -> String {
        (try? String(contentsOf: project.appendingPathComponent(path), encoding: .utf8)) ?? "<missing>"
    }

    func write(_ project: URL, _ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: project.appendingPathComponent(path))
    }

    /// The version of the embedded single-tenant template: the one every project generated here records.
    static var current: String {
        (try? EmbeddedTemplates.catalog().template(id: "single-tenant").manifest.version) ?? "?"
    }

    func setRecordedVersion(_ project: URL, to version: String) throws {
        let url = project.appendingPathComponent(".create-authhero/answers.json")
        let text = try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: "\"version\" : \"\(Self.current)\"", with: "\"version\" : \"\(version)\"")
        try Data(text.utf8).write(to: url)
    }

    @Test func checkExits0WhenCurrent2WhenAnUpdateIsAvailableAnd1OnErrors() throws {
        let (cli, project) = try generated()
        defer { cli.remove() }
        let current = try cli.run(["check", "app"])
        #expect(current.status == 0, "\(current.stderr)")
        #expect(current.stdout.contains("up to date"))

        try setRecordedVersion(project, to: "0.0.1")
        let behind = try cli.run(["check", "app"])
        #expect(behind.status == 2)
        #expect(behind.stdout.contains("0.1.0: First release."))
        let json = try cli.run(["check", "app", "--json"])
        #expect(json.status == 2)
        let status = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(status?["update_available"] as? Bool == true)
        #expect(status?["project_version"] as? String == "0.0.1")

        try FileManager.default.createDirectory(
            at: cli.directory.appendingPathComponent("plain"), withIntermediateDirectories: true)
        let notAProject = try cli.run(["check", "plain"])
        #expect(notAProject.status == 1)
        #expect(notAProject.stderr.contains("is not a generated project"))
        try write(project, ".create-authhero/answers.json", "{broken")
        let unreadable = try cli.run(["check", "app"])
        #expect(unreadable.status == 1)
        #expect(unreadable.stderr.contains("cannot read answers file"))
    }

    @Test func diffShowsEditsToManagedFilesOnlyAndExitCodeReportsThem() throws {
        let (cli, project) = try generated("multi-tenant-control-plane")
        defer { cli.remove() }
        let clean = try cli.run(["diff", "app", "--exit-code"])
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(clean.stdout.isEmpty)

        try write(project, ".env", "ADMIN_PASSWORD=changed-at-run-time\n")
        let artifactOnly = try cli.run(["diff", "app", "--exit-code"])
        #expect(artifactOnly.status == 0, "artifacts such as .env change at run time and are never reported")

        try write(project, "Package.swift", read(project, "Package.swift") + "// local tweak\n")
        let edited = try cli.run(["diff", "app", "--exit-code"])
        #expect(edited.status == 1)
        #expect(edited.stdout.contains("--- a/Package.swift\n+++ b/Package.swift\n"))
        #expect(edited.stdout.contains("+// local tweak\n"))
        #expect(try cli.run(["diff", "app"]).status == 0, "without --exit-code a diff is not a failure")
    }

    @Test func updateWithAChangedAnswerKeepsTheUsersEditAndRecordsTheAnswer() throws {
        let (cli, project) = try generated()
        defer { cli.remove() }
        let configuration = "Sources/App/TenantSeed.swift"
        try write(project, configuration, read(project, configuration) + "// my addition\n")
        let result = try cli.run(["update", "app", "--set", "port=4000"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("No conflicts."))
        #expect(read(project, "Sources/App/ServerConfiguration.swift").contains("?? 4000"))
        #expect(read(project, configuration).hasSuffix("// my addition\n"))
        #expect(read(project, ".create-authhero/answers.json").contains("\"port\" : 4000"))
        #expect(try cli.run(["check", "app"]).status == 0)
        let diff = try cli.run(["diff", "app", "--exit-code"])
        #expect(diff.status == 1)
        #expect(diff.stdout.contains("b/\(configuration)") && !diff.stdout.contains("ServerConfiguration.swift"))
    }

    @Test func overlappingEditsExit1AndListTheConflicts() throws {
        let (cli, project) = try generated()
        defer { cli.remove() }
        let main = "Sources/App/ServerConfiguration.swift"
        try write(project, main, read(project, main).replacingOccurrences(of: "?? 3000", with: "?? 8080"))
        let result = try cli.run(["update", "app", "--set", "port=4000"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("1 conflict(s) were marked"))
        #expect(result.stdout.contains("  \(main) (1)"))
        let text = read(project, main)
        #expect(text.contains("<<<<<<< yours\n") && text.contains("?? 8080") && text.contains("?? 4000"))
        #expect(
            text.contains("||||||| template \(Self.current) (as generated)\n")
                && text.contains(">>>>>>> template \(Self.current)\n"))
    }

    @Test func anEditedVendoredRuntimeFileStopsAnUpdateUnlessForced() throws {
        let (cli, project) = try generated()
        defer { cli.remove() }
        let vendored = "AuthHero/Sources/AuthHeroCore/Tenants/Tenant.swift"
        let original = read(project, vendored)
        #expect(original != "<missing>", "the runtime is vendored into the project")
        try write(project, vendored, original + "// patched locally\n")
        let refused = try cli.run(["update", "app", "--set", "port=4000"])
        #expect(refused.status == 73)
        #expect(refused.stderr.contains(vendored))
        #expect(read(project, "Sources/App/ServerConfiguration.swift").contains("?? 3000"), "nothing was written")
        let forced = try cli.run(["update", "app", "--set", "port=4000", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(read(project, vendored) == original)
    }

    @Test func anUpdateToTheSameVersionAndAnswersAndADryRunWriteNothing() throws {
        let (cli, project) = try generated()
        defer { cli.remove() }
        let before = CLI.snapshot(project)
        let same = try cli.run(["update", "app"])
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.stdout.contains("Nothing to update"))
        let dryRun = try cli.run(["update", "app", "--set", "port=4000", "--dry-run", "--json"])
        #expect(dryRun.status == 0, "\(dryRun.stderr)")
        let plan = try JSONSerialization.jsonObject(with: Data(dryRun.stdout.utf8)) as? [String: Any]
        #expect(plan?["conflicts"] as? Int == 0)
        #expect(
            (plan?["files"] as? [[String: Any]])?.contains {
                $0["path"] as? String == "Sources/App/ServerConfiguration.swift"
            } == true
        )
        #expect(CLI.snapshot(project) == before)
        #expect(CLI.entries(cli.directory) == ["app"])
    }

    @Test func aKilledUpdateIsRolledBackByTheNextInvocation() throws {
        let (cli, project) = try generated()
        defer { cli.remove() }
        try write(project, "Sources/App/ServerConfiguration.swift", "// replaced by the user\n")
        let before = CLI.snapshot(project)
        let (process, _, _) = try cli.start(
            ["update", "app", "--set", "port=4000", "--set", "display_name=Other"],
            // An update moves only the handful of files it changes: a second per file keeps the kill inside the move
            // however slowly this test polls on a loaded machine.
            environment: ["CREATE_AUTHHERO_TEST_PAUSE_PER_FILE": "1"])
        let moving = InterruptedWriteTests().waitUntil { CLI.snapshot(project) != before }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(moving)
        #expect(CLI.snapshot(project) != before, "the kill landed mid-move")

        let next = try cli.run(["diff", "app"])
        #expect(next.stderr.contains("rolled back an interrupted run"), "even a read-only command rolls back first")
        #expect(next.stdout.contains("+// replaced by the user\n") && !next.stdout.contains("4000"))
        #expect(CLI.snapshot(project) == before)
        #expect(CLI.entries(cli.directory) == ["app"])
    }

    @Test func uncommittedChangesInAGitWorkTreeStopAnUpdateUnlessAllowed() throws {
        let (cli, project) = try generated()
        defer { cli.remove() }
        func git(_ arguments: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments =
                ["git", "-C", project.path, "-c", "user.name=t", "-c", "user.email=t@example.com"] + arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
        }
        try git(["init", "-q"])
        try git(["add", "-A"])
        try git(["commit", "-q", "-m", "generated"])
        #expect(try cli.run(["update", "app", "--set", "port=4000"]).status == 0, "a clean work tree updates")
        let refused = try cli.run(["update", "app", "--set", "port=5000"])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("uncommitted changes"))
        #expect(read(project, "Sources/App/ServerConfiguration.swift").contains("?? 4000"))
        let allowed = try cli.run(["update", "app", "--set", "port=5000", "--allow-dirty"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(read(project, "Sources/App/ServerConfiguration.swift").contains("?? 5000"))
    }
}
