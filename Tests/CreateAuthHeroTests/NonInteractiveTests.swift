import Foundation
import Testing

@Suite struct NonInteractiveTests {
    @Test func withoutATerminalNothingIsAskedAndMissingAnswersExit64WithTheFlags() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(["my-saas-auth", "--template", "multi-tenant-control-plane"])
        #expect(result.status == 64)
        #expect(!result.stderr.contains("? "), "no question may be asked without a terminal")
        for variable in ["admin_email", "port", "backend_sample"] {
            #expect(result.stderr.contains("missing value for '\(variable)'"))
        }
        #expect(result.stderr.contains("create-authhero my-saas-auth --template multi-tenant-control-plane --yes"))
        #expect(CLI.entries(cli.directory).isEmpty)
    }

    @Test func forcedQuestionsAtEndOfInputFailFastInsteadOfHanging() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(["app", "--template", "single-tenant", "--interactive"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("input ended before every question was answered"))
        #expect(CLI.entries(cli.directory).isEmpty)
    }

    @Test func everyProblemIsListedWithACorrectedCommand() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(["--template", "nope", "--set", "x"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("missing the project directory"))
        #expect(result.stderr.contains("unknown template 'nope'; available: multi-tenant-control-plane, single-tenant"))
        #expect(result.stderr.contains("--set 'x' is not NAME=VALUE"))
        #expect(result.stderr.contains("create-authhero <directory> --template <template>"))
    }

    @Test func anInvalidChoiceIsAnErrorNotAFallback() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(["app", "--template", "single-tenant", "--yes", "--set", "log_level=loud"])
        #expect(result.status == 64)
        #expect(
            result.stderr.contains("invalid value 'loud' for 'log_level': expected one of debug, info, warning, error"))
        #expect(result.stderr.contains("--set 'log_level=<debug|info|warning|error>'"))
        #expect(CLI.entries(cli.directory).isEmpty)
    }

    @Test func yesGeneratesTheProjectWithDefaults() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(["out/my-saas-auth", "--template", "multi-tenant-control-plane", "--yes"])
        #expect(result.status == 0, "\(result.stderr)")
        let tree = CLI.snapshot(cli.directory.appendingPathComponent("out/my-saas-auth"))
        #expect(tree.keys.contains("Sources/MySaasAuth/App.swift"))
        #expect(tree.keys.contains("AuthHero/Package.swift"), "the runtime is vendored")
        #expect(tree[".env"] != nil && tree["data/control-plane.sqlite"] != nil)
        #expect(tree["scripts/dev.sh"]?.hasPrefix("x ") == true)
        #expect(CLI.entries(cli.directory.appendingPathComponent("out")) == ["my-saas-auth"], "no staging left behind")
    }

    @Test func dotDotIsRefusedAndNothingIsWritten() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let inner = cli.directory.appendingPathComponent("inner")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        let result = try CLI(at: inner).run(["../x", "--template", "single-tenant", "--yes"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("'..' component is not allowed"))
        #expect(CLI.entries(cli.directory) == ["inner"])
    }

    @Test func anInvalidNameIsExplainedWithASuggestion() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(["My App!", "--template", "single-tenant", "--yes"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("cannot be used as a project name"))
        #expect(result.stderr.contains("Try 'my-app'"))
        #expect(result.stderr.contains("create-authhero my-app --template single-tenant --yes"))
    }

    @Test func aNonEmptyTargetIsLeftByteIdentical() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let target = cli.directory.appendingPathComponent("app")
        try FileManager.default.createDirectory(
            at: target.appendingPathComponent("Sources"), withIntermediateDirectories: true)
        try Data("// mine\n".utf8).write(to: target.appendingPathComponent("Package.swift"))
        try Data("notes\n".utf8).write(to: target.appendingPathComponent("Sources/notes.txt"))
        let before = CLI.snapshot(target)
        let result = try cli.run(["app", "--template", "single-tenant", "--yes"])
        #expect(result.status == 73)
        #expect(result.stderr.contains("Package.swift"))
        #expect(CLI.snapshot(target) == before)
        #expect(CLI.entries(cli.directory) == ["app"])
    }

    @Test func forceOverwritesOnlyConflictingFiles() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let target = cli.directory.appendingPathComponent("app")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("// mine\n".utf8).write(to: target.appendingPathComponent("Package.swift"))
        try Data("keep\n".utf8).write(to: target.appendingPathComponent("unrelated.txt"))
        let result = try cli.run(["app", "--template", "single-tenant", "--yes", "--force"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("overwrite Package.swift"))
        let tree = CLI.snapshot(target)
        #expect(tree["unrelated.txt"] == "- " + Data("keep\n".utf8).base64EncodedString())
        #expect(tree["Package.swift"] != "- " + Data("// mine\n".utf8).base64EncodedString())
    }

    @Test func dryRunWritesNothingAndPrintsThePlanAsJSON() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(["app", "--template", "single-tenant", "--yes", "--dry-run", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(CLI.entries(cli.directory).isEmpty)
        let plan = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(plan?["state"] as? String == "absent")
        let files = plan?["files"] as? [[String: Any]] ?? []
        #expect(
            files.contains { $0["path"] as? String == "Sources/App/App.swift" && $0["action"] as? String == "create" })
    }

    @Test func secretsComeFromTheEnvironmentAndAreNeverRecorded() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(
            ["app", "--template", "multi-tenant-control-plane", "--yes"],
            environment: ["CREATE_AUTHHERO_ADMIN_PASSWORD": "from-the-env-1234"])
        #expect(result.status == 0, "\(result.stderr)")
        let target = cli.directory.appendingPathComponent("app")
        let env = try String(contentsOf: target.appendingPathComponent(".env"), encoding: .utf8)
        #expect(!env.contains("from-the-env-1234"), "the password is only in the database, as a bcrypt hash")
        let database = try Data(contentsOf: target.appendingPathComponent("data/control-plane.sqlite"))
        #expect(database.range(of: Data("from-the-env-1234".utf8)) == nil)
        #expect(
            !FileManager.default.fileExists(atPath: target.appendingPathComponent("data/admin-password.txt").path),
            "a given password is never written to a file")
        let answers = try String(
            contentsOf: target.appendingPathComponent(".create-authhero/answers.json"), encoding: .utf8)
        #expect(!answers.contains("from-the-env-1234"))
        #expect(!answers.contains("admin_password"))
    }

    @Test func theAnswersFileReproducesTheSameProject() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let first = try cli.run([
            "one/billing-auth", "--template", "multi-tenant-control-plane", "--yes",
            "--set", "port=4100", "--set", "backend_sample=false",
        ])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try cli.run([
            "two/elsewhere", "--answers-file", "one/billing-auth/.create-authhero/answers.json", "--no-interactive",
        ])
        #expect(second.status == 0, "\(second.stderr)")
        var one = CLI.snapshot(cli.directory.appendingPathComponent("one/billing-auth"))
        var two = CLI.snapshot(cli.directory.appendingPathComponent("two/elsewhere"))
        // Run-time artifacts hold random ids, keys, secrets and the generated password.
        for artifact in [".env", "data/control-plane.sqlite", "data/admin-password.txt"] {
            #expect(one.removeValue(forKey: artifact) != nil && two.removeValue(forKey: artifact) != nil)
        }
        #expect(one == two)
    }

    @Test func aGeneratedPasswordGoesToAnOwnerOnlyFileWhenStdoutIsNoTerminal() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(["app", "--template", "multi-tenant-control-plane", "--yes"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("the generated password is in data/admin-password.txt"))
        let file = cli.directory.appendingPathComponent("app/data/admin-password.txt")
        let password = try String(contentsOf: file, encoding: .utf8).trimmingCharacters(in: .newlines)
        #expect(password.count == 24)
        #expect(!result.stdout.contains(password) && !result.stderr.contains(password))
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let gitignore = try String(contentsOf: cli.directory.appendingPathComponent("app/.gitignore"), encoding: .utf8)
        #expect(gitignore.contains("data/\n"))
    }

    @Test func adminPasswordInTheEnvironmentIsUsedAndNotWrittenAnywhere() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(
            ["app", "--template", "multi-tenant-control-plane", "--yes"],
            environment: ["ADMIN_PASSWORD": "plain-env-password-1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("admin-password.txt"))
        let tree = CLI.snapshot(cli.directory.appendingPathComponent("app"))
        #expect(tree["data/admin-password.txt"] == nil)
        let env = try String(contentsOf: cli.directory.appendingPathComponent("app/.env"), encoding: .utf8)
        #expect(
            env.contains("PORTAL_CLIENT_ID=") && env.contains("BACKEND_SAMPLE_CLIENT_SECRET=")
                && !env.contains("plain-env"))
    }

    @Test func listJSONDescribesEveryTemplateAndVariable() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let result = try cli.run(["list", "--json"])
        #expect(result.status == 0)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(list.map { $0["id"] as? String } == ["multi-tenant-control-plane", "single-tenant"])
        let variables = try #require(list.first?["variables"] as? [[String: Any]])
        let email = try #require(variables.first { $0["name"] as? String == "admin_email" })
        #expect(email["default"] as? String == "admin@example.com")
        let password = try #require(variables.first { $0["name"] as? String == "admin_password" })
        #expect(password["type"] as? String == "secret")
        #expect(password["required"] as? Bool == false)
        #expect(variables.first { $0["name"] as? String == "port" }?["default"] as? Int == 3000)
    }

    @Test func helpAndVersionDescribeTheTool() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let help = try cli.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--set admin_email=<admin_email>"))
        #expect(help.stdout.contains("CREATE_AUTHHERO_ADMIN_PASSWORD"))
        let version = try cli.run(["--version"])
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    }
}

@Suite struct SelfContainedBinaryTests {
    @Test func aCopiedBinaryWorksFromAnyDirectory() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let elsewhere = cli.directory.appendingPathComponent("bin/create-authhero")
        try FileManager.default.createDirectory(
            at: elsewhere.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLI.executable, to: elsewhere)
        let process = Process()
        process.executableURL = elsewhere
        process.arguments = [cli.directory.path + "/made", "--template", "single-tenant", "--yes"]
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(
            FileManager.default.fileExists(
                atPath: cli.directory.appendingPathComponent("made/Sources/Made/App.swift").path))
    }
}
