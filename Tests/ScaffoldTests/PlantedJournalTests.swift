import Foundation
import Scaffold
import Testing

/// Journals found beside a target are rolled back only when this run can trust them: left by this user, for
/// this target, with plain paths inside it. Anyone who can write to a shared parent folder can plant one.
@Suite struct PlantedJournalTests {
    /// A folder `victim` (outside the target) holding `secret.txt`, the target `app` beside it, and a staging
    /// folder for `app` whose pid is never running, holding `journal`.
    func plant(journal: (_ target: URL, _ victim: URL) -> String) throws -> (
        root: URL, target: URL, victim: URL, staging: URL
    ) {
        let root = try temporaryDirectory()
        let target = root.appendingPathComponent("app")
        let victim = root.appendingPathComponent("victim")
        for folder in [target, victim] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        try Data("keep me\n".utf8).write(to: victim.appendingPathComponent("secret.txt"))
        let staging = root.appendingPathComponent(".app.create-authhero-2147483647")
        try FileManager.default.createDirectory(
            at: staging.appendingPathComponent("new"), withIntermediateDirectories: true)
        try Data(journal(target, victim).utf8).write(to: staging.appendingPathComponent("journal.json"))
        return (root, target, victim, staging)
    }

    func secret(_ victim: URL) -> String? {
        FileManager.default.contents(atPath: victim.appendingPathComponent("secret.txt").path).map {
            String(decoding: $0, as: UTF8.self)
        }
    }

    @Test func aJournalForAnotherTargetIsIgnoredAndItsVictimSurvives() throws {
        let planted = try plant { _, victim in
            #"{"createdDirectories":[],"moves":[{"path":"secret.txt","replacesExisting":false}],"target":"\#(victim.path)"}"#
        }
        defer { try? FileManager.default.removeItem(at: planted.root) }

        let runs = ProjectWriter.recoverInterruptedRuns(for: planted.target)

        #expect(runs.map(\.staging.path) == [planted.staging.path])
        #expect(
            runs.first?.outcome
                == .ignored(reason: "its journal is for '\(planted.victim.path)', not for '\(planted.target.path)'"))
        #expect(secret(planted.victim) == "keep me\n")
        #expect(
            FileManager.default.fileExists(atPath: planted.staging.appendingPathComponent("journal.json").path),
            "a folder this run cannot trust is left as it is")
    }

    @Test func aJournalWithADotDotMovePathIsRefused() throws {
        let planted = try plant { target, _ in
            #"{"createdDirectories":[],"moves":[{"path":"../victim/secret.txt","replacesExisting":false}],"target":"\#(target.path)"}"#
        }
        defer { try? FileManager.default.removeItem(at: planted.root) }

        let runs = ProjectWriter.recoverInterruptedRuns(for: planted.target)

        #expect(
            runs.first?.outcome
                == .ignored(
                    reason:
                        "'../victim/secret.txt' is not a plain path inside the project (it has an empty, '.' or '..' component)"
                ))
        #expect(secret(planted.victim) == "keep me\n")
    }

    @Test func aJournalWithAnAbsoluteMovePathIsRefused() throws {
        let planted = try plant { target, victim in
            let path = victim.appendingPathComponent("secret.txt").path
            return
                #"{"createdDirectories":[],"moves":[{"path":"\#(path)","replacesExisting":false,"removes":true}],"target":"\#(target.path)"}"#
        }
        defer { try? FileManager.default.removeItem(at: planted.root) }

        let runs = ProjectWriter.recoverInterruptedRuns(for: planted.target)

        let path = planted.victim.appendingPathComponent("secret.txt").path
        #expect(runs.first?.outcome == .ignored(reason: "'\(path)' is an absolute path, not one inside the project"))
        #expect(secret(planted.victim) == "keep me\n")
    }

    @Test func aJournalWithADotDotCreatedDirectoryIsRefused() throws {
        let planted = try plant { target, _ in
            #"{"createdDirectories":["../victim"],"moves":[],"target":"\#(target.path)"}"#
        }
        defer { try? FileManager.default.removeItem(at: planted.root) }
        try FileManager.default.removeItem(at: planted.victim.appendingPathComponent("secret.txt"))

        let runs = ProjectWriter.recoverInterruptedRuns(for: planted.target)

        #expect(runs.first.map { if case .ignored = $0.outcome { true } else { false } } == true)
        #expect(FileManager.default.fileExists(atPath: planted.victim.path), "an emptied folder outside is not removed")
    }

    @Test func aJournalWhoseMovePathGoesThroughALinkOutOfTheProjectIsRefused() throws {
        let planted = try plant { target, _ in
            #"{"createdDirectories":[],"moves":[{"path":"linked/secret.txt","replacesExisting":false}],"target":"\#(target.path)"}"#
        }
        defer { try? FileManager.default.removeItem(at: planted.root) }
        try FileManager.default.createSymbolicLink(
            atPath: planted.target.appendingPathComponent("linked").path, withDestinationPath: "../victim")

        let runs = ProjectWriter.recoverInterruptedRuns(for: planted.target)

        #expect(
            runs.first?.outcome == .ignored(reason: "'linked' is a symbolic link to '../victim', outside the project"))
        #expect(secret(planted.victim) == "keep me\n")
    }

    @Test func aStagingFolderThatIsALinkIsIgnored() throws {
        let planted = try plant { target, _ in
            #"{"createdDirectories":[],"moves":[],"target":"\#(target.path)"}"#
        }
        defer { try? FileManager.default.removeItem(at: planted.root) }
        let elsewhere = planted.root.appendingPathComponent("elsewhere")
        try FileManager.default.moveItem(at: planted.staging, to: elsewhere)
        try FileManager.default.createSymbolicLink(at: planted.staging, withDestinationURL: elsewhere)

        let runs = ProjectWriter.recoverInterruptedRuns(for: planted.target)

        #expect(
            runs.first?.outcome == .ignored(reason: "it is a symbolic link, not a folder a run of create-authhero made")
        )
        #expect(FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("journal.json").path))
    }

    @Test func theJournalOfThisUsersKilledRunForThisTargetIsStillRolledBack() throws {
        let planted = try plant { target, _ in
            #"{"createdDirectories":["bin"],"moves":[{"path":"bin/run","replacesExisting":false}],"target":"\#(target.path)"}"#
        }
        defer { try? FileManager.default.removeItem(at: planted.root) }
        try FileManager.default.createDirectory(
            at: planted.target.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try Data("#!/bin/sh\n".utf8).write(to: planted.target.appendingPathComponent("bin/run"))

        let runs = ProjectWriter.recoverInterruptedRuns(for: planted.target)

        #expect(runs.map(\.staging.path) == [planted.staging.path] && runs.map(\.outcome) == [.rolledBack])
        #expect(try FileManager.default.contentsOfDirectory(atPath: planted.target.path).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: planted.staging.path))
    }
}
