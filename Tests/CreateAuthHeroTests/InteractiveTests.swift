import Foundation
import Testing

/// Drives an interactive run through a pseudo-terminal (Python's `pty`), answering each question
/// when it appears, and compares the result with the equivalent flags.
@Suite struct InteractiveTests {
    /// Expect-style driver: waits for each prompt text, then types the answer.
    static let driver = """
        import json, os, pty, select, sys, time
        exe, cwd, term, script = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
        env = {k: v for k, v in os.environ.items() if k != "CI"}
        env["TERM"] = term
        pid, fd = pty.fork()
        if pid == 0:
            os.chdir(cwd)
            os.execve(exe, [exe], env)
        seen = b""
        def read(timeout):
            global seen
            ready, _, _ = select.select([fd], [], [], timeout)
            if not ready:
                return False
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                return None
            if not chunk:
                return None
            seen += chunk
            return True
        for expect, answer in script:
            deadline = time.time() + 60
            while expect.encode() not in seen:
                if time.time() > deadline or read(1) is None:
                    sys.stdout.write(seen.decode(errors="replace"))
                    sys.exit("never saw prompt: " + expect)
            seen = seen[seen.index(expect.encode()) + len(expect):]
            os.write(fd, answer.encode() + b"\\n")
        rest = b""
        deadline = time.time() + 60
        while time.time() < deadline and read(1) is not None:
            pass
        _, status = os.waitpid(pid, 0)
        sys.stdout.write(seen.decode(errors="replace"))
        sys.exit(os.waitstatus_to_exitcode(status))
        """

    /// With a capable terminal the template is picked with a number then ↑ (ending on entry 1);
    /// with `TERM=dumb` by typing its number.
    @Test(arguments: [("xterm", "2\u{1B}[A"), ("dumb", "1")])
    func anInteractiveRunEqualsTheEquivalentFlags(term: String, templateKeys: String) throws {
        let cli = try CLI()
        defer { cli.remove() }
        let script: [[String]] = [
            ["Project directory", "typed/my-saas-auth"],
            ["--template ID)", templateKeys],
            ["--set admin_email=", "owner@acme.dev"],
            ["CREATE_AUTHHERO_ADMIN_PASSWORD", "typed-secret-value"],
            ["--set port=", ""],
            ["--set database=", ""],
            ["--set isolation=", ""],
            ["--set backend_sample=", "n"],
            ["--set ci=", ""],
        ]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c", Self.driver, CLI.executable.path, cli.directory.path, term,
            String(decoding: try JSONSerialization.data(withJSONObject: script), as: UTF8.self),
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let transcript = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(transcript)")
        #expect(!transcript.contains("typed-secret-value"), "a secret is never echoed")
        #expect(
            transcript.contains(
                "--set admin_email=owner@acme.dev --set port=3000 --set database=sqlite --set isolation=shared"
                    + " --set backend_sample=false"
                    + " --set ci=github"))

        let flags = try cli.run(
            [
                "flags/my-saas-auth", "--template", "multi-tenant-control-plane", "--set", "admin_email=owner@acme.dev",
                "--set", "port=3000", "--set", "database=sqlite", "--set", "isolation=shared", "--set",
                "backend_sample=false", "--set", "ci=github",
            ],
            environment: ["CREATE_AUTHHERO_ADMIN_PASSWORD": "typed-secret-value"])
        #expect(flags.status == 0, "\(flags.stderr)")
        var typed = CLI.snapshot(cli.directory.appendingPathComponent("typed/my-saas-auth"))
        var flagged = CLI.snapshot(cli.directory.appendingPathComponent("flags/my-saas-auth"))
        #expect(!typed.isEmpty)
        // The seeded database and its .env hold random ids, keys and secrets: present in both, compared apart.
        for artifact in [".env", "data/control-plane.sqlite"] {
            #expect(typed.removeValue(forKey: artifact) != nil && flagged.removeValue(forKey: artifact) != nil)
        }
        #expect(typed == flagged)
    }
}
