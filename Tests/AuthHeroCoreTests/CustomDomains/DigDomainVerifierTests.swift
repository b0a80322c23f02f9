import AuthHeroCore
import Foundation
import Testing

/// The production verifier, run against stand-in `dig` scripts (no network): what it makes of dig's output and
/// failures.
@Suite struct DigDomainVerifierTests {
    /// A temporary executable shell script with `body`, removed after `run`. Ready once it can be started: while
    /// another test of the process forks, the child briefly holds the script's write descriptor, and starting the
    /// script then fails with ETXTBSY ("Text file busy"); a few tries apart outlast that.
    private func withScript(_ body: String, _ run: (String) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fake-dig-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("dig").path
        try Data("#!/bin/sh\n[ \"$1\" = --ready ] && exit 0\n\(body)\n".utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        for _ in 0..<50 where !Self.starts(path) { try await Task.sleep(for: .milliseconds(20)) }
        try await run(path)
    }

    private static func starts(_ path: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--ready"]
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    @Test func quotedStringsOfOneLineMakeOneRecordAndEscapesAreUndone() async throws {
        let script = #"printf '%s\n' '"abc" "def"' '"say \"hi\""' ';; comment' '"x'"#
        try await withScript(script) { path in
            let records = try await DigDomainVerifier(executablePath: path).txtRecords(for: "_authhero-challenge.a.com")
            #expect(records == ["abcdef", "say \"hi\""])
        }
    }

    @Test func asksForTheTXTRecordOfTheGivenName() async throws {
        try await withScript(#"printf '"%s"\n' "$*""#) { path in
            let records = try await DigDomainVerifier(executablePath: path).txtRecords(for: "_authhero-challenge.a.com")
            #expect(records.first?.hasSuffix("TXT _authhero-challenge.a.com") == true)
        }
    }

    @Test func failingLookupIsUnavailableNotAnEmptyAnswer() async throws {
        try await withScript("exit 9") { path in
            await #expect(throws: DomainVerifierError.self) {
                try await DigDomainVerifier(executablePath: path).txtRecords(for: "a.com")
            }
        }
    }

    @Test func missingDigIsUnavailable() async {
        await #expect(throws: DomainVerifierError.self) {
            try await DigDomainVerifier(executablePath: "/nonexistent/dig").txtRecords(for: "a.com")
        }
    }
}
