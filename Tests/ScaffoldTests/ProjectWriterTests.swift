import Foundation
import Scaffold
import Testing

@Suite struct ProjectWriterTests {
    /// Every file below `folder` (hidden ones included) with its bytes.
    func snapshot(_ folder: URL) throws -> [String: Data] {
        try Repository.files(under: folder)
    }

    @Test func absentTargetAppearsWholeAndLeavesNoStaging() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("nested/my-app")
        let plan = try RenderPlan(tree: Fixtures.tree(), target: target)
        #expect(plan.state == .absent)
        try ProjectWriter().write(plan)
        let written = try snapshot(target)
        #expect(Set(written.keys) == Set(plan.entries.map(\.file.path)))
        #expect(FileManager.default.isExecutableFile(atPath: target.appendingPathComponent("bin/run").path))
        let env = try FileManager.default.attributesOfItem(atPath: target.appendingPathComponent(".env").path)
        #expect((env[.posixPermissions] as? Int) == 0o600, "artifacts hold secrets: owner only")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: target.deletingLastPathComponent().path) == ["my-app"])
    }

    @Test func aTargetHoldingOnlyGitIsFilledAndGitKept() throws {
        let target = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: target) }
        try FileManager.default.createDirectory(
            at: target.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("ref".utf8).write(to: target.appendingPathComponent(".git/HEAD"))
        let plan = try RenderPlan(tree: Fixtures.tree(), target: target)
        #expect(plan.state == .empty)
        try ProjectWriter().write(plan)
        let written = try snapshot(target)
        #expect(written[".git/HEAD"] == Data("ref".utf8))
        #expect(written.count == plan.entries.count + 1)
    }

    @Test func aNonEmptyTargetIsLeftByteIdentical() throws {
        let target = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: target) }
        try Data("mine\n".utf8).write(to: target.appendingPathComponent("NOTES.md"))
        let before = try snapshot(target)
        let plan = try RenderPlan(tree: Fixtures.tree(), target: target)
        #expect(plan.conflicts.map(\.file.path) == ["NOTES.md"])
        #expect(throws: ScaffoldError.targetNotEmpty(path: target.path, conflicts: ["NOTES.md"])) {
            try ProjectWriter().write(plan)
        }
        #expect(try snapshot(target) == before)
    }

    @Test func forceOverwritesConflictsOnlyAndKeepsOtherFiles() throws {
        let target = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: target) }
        let tree = try Fixtures.tree()
        try Data("mine\n".utf8).write(to: target.appendingPathComponent("NOTES.md"))
        try Data("keep\n".utf8).write(to: target.appendingPathComponent("unrelated.txt"))
        try ProjectWriter(overwrite: true).write(RenderPlan(tree: tree, target: target))
        let written = try snapshot(target)
        #expect(written["NOTES.md"] == tree.file(at: "NOTES.md")?.contents)
        #expect(written["unrelated.txt"] == Data("keep\n".utf8))
        let again = try RenderPlan(tree: tree, target: target)
        #expect(again.entries.allSatisfy { $0.action == .identical })
    }

    @Test func aFailedMoveIsRolledBack() throws {
        let target = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: target) }
        try Data("mine\n".utf8).write(to: target.appendingPathComponent("NOTES.md"))
        let tree = try Fixtures.tree()
        let plan = try RenderPlan(tree: tree, target: target)
        // A directory appearing after planning, where a file must go, makes a late move fail.
        try FileManager.default.createDirectory(
            at: target.appendingPathComponent("raw/view.mustache"), withIntermediateDirectories: true)
        let before = try snapshot(target)
        #expect(throws: ScaffoldError.self) { try ProjectWriter(overwrite: true).write(plan) }
        #expect(try snapshot(target) == before)
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("raw/view.mustache").path))
        #expect(!FileManager.default.fileExists(atPath: target.appendingPathComponent("Sources").path))
    }

    @Test func aJournalLeftByAKilledRunIsRolledBack() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("app")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("mine\n".utf8).write(to: target.appendingPathComponent("NOTES.md"))
        let before = try snapshot(target)

        // Reproduce the disk of a run killed half-way: journal written, original set aside,
        // one new file moved in, the rest still staged. PID 0x7fffffff is never running.
        let staging = root.appendingPathComponent(".app.create-authhero-2147483647")
        for folder in ["new/bin", "backup"] {
            try FileManager.default.createDirectory(
                at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try FileManager.default.moveItem(
            at: target.appendingPathComponent("NOTES.md"), to: staging.appendingPathComponent("backup/NOTES.md"))
        try Data("new notes\n".utf8).write(to: target.appendingPathComponent("NOTES.md"))
        try Data("#!/bin/sh\n".utf8).write(to: staging.appendingPathComponent("new/bin/run"))
        let journal = """
            {"createdDirectories":["bin"],"moves":[{"path":"NOTES.md","replacesExisting":true},\
            {"path":"bin/run","replacesExisting":false}],"target":"\(target.path)"}
            """
        try Data(journal.utf8).write(to: staging.appendingPathComponent("journal.json"))

        let runs = ProjectWriter.recoverInterruptedRuns(for: target)
        #expect(runs.map(\.staging.path) == [staging.path] && runs.map(\.outcome) == [.rolledBack])
        #expect(try snapshot(target) == before)
        #expect(!FileManager.default.fileExists(atPath: staging.path))
    }
}
