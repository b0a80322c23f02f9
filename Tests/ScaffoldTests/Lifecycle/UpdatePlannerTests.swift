import Foundation
import Scaffold
import Testing

/// Updates of a project generated from the v1 fixture, edited by a user, to v2 (and re-renders).
@Suite struct UpdatePlannerTests {
    typealias F = LifecycleFixture

    /// Generates from v1, applies the user's edits, updates to v2; returns the directory and plan.
    func updated(edits: (URL) throws -> Void = { _ in }) throws -> (URL, UpdatePlan) {
        let directory = try F.generate()
        try edits(directory)
        let plan = try F.plan(directory, to: "v2")
        try ProjectWriter().apply(plan)
        return (directory, plan)
    }

    func action(_ plan: UpdatePlan, _ path: String) -> UpdatePlan.Action? {
        plan.entries.first { $0.path == path }?.action
    }

    @Test func anUntouchedFileIsReplaced() throws {
        let (directory, plan) = try updated()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        #expect(action(plan, "app.txt") == .replace)
        #expect(F.read(directory, "app.txt") == "Hello, world\nport 3000\nversion 2\n")
        #expect(F.read(directory, "conflict.txt") == "one\ntwo\nTHREE (v2)\nfour\nfive\n")
        #expect(plan.conflictCount == 0)
    }

    @Test func aUserEditAndANonOverlappingTemplateChangeMergeCleanly() throws {
        let (directory, plan) = try updated {
            try F.write($0, "config.txt", "a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\ng: 7\nh: 8 (mine)\n")
        }
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        #expect(action(plan, "config.txt") == .merge)
        #expect(
            F.read(directory, "config.txt") == "a: 1 (new in v2)\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\ng: 7\nh: 8 (mine)\n")
    }

    @Test func overlappingChangesAreWrittenWithMarkersAndCounted() throws {
        let (directory, plan) = try updated { try F.write($0, "conflict.txt", "one\ntwo\nthree (mine)\nfour\nfive\n") }
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        #expect(action(plan, "conflict.txt") == .conflict)
        #expect(plan.conflictCount == 1)
        #expect(plan.conflicted.map(\.path) == ["conflict.txt"])
        #expect(
            F.read(directory, "conflict.txt") == """
                one
                two
                <<<<<<< yours
                three (mine)
                ||||||| template 1.0.0 (as generated)
                three
                =======
                THREE (v2)
                >>>>>>> template 2.0.0
                four
                five

                """)
    }

    @Test func aFileTheUserDeletedStaysDeleted() throws {
        let (directory, plan) = try updated {
            try FileManager.default.removeItem(at: $0.appendingPathComponent("deleted.txt"))
        }
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        #expect(action(plan, "deleted.txt") == .stayDeleted)
        #expect(F.read(directory, "deleted.txt") == nil)
    }

    @Test func aFileRemovedFromTheTemplateIsDeletedOnlyIfTheUserNeverEditedIt() throws {
        let (directory, plan) = try updated { try F.write($0, "removed-edited.txt", "mine now\n") }
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        #expect(action(plan, "removed-clean.txt") == .delete)
        #expect(F.read(directory, "removed-clean.txt") == nil)
        #expect(action(plan, "removed-edited.txt") == .keepRemoved)
        #expect(F.read(directory, "removed-edited.txt") == "mine now\n")
    }

    @Test func aRenamedFileIsMovedThenMerged() throws {
        let (directory, plan) = try updated {
            try F.write($0, "old-name.txt", "title\n\nintro v1\n\nbody\nmore body (mine)\n\nend\n")
        }
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let entry = try #require(plan.entries.first { $0.path == "docs/new-name.txt" })
        #expect(entry.action == .rename)
        #expect(entry.from == "old-name.txt")
        #expect(F.read(directory, "old-name.txt") == nil)
        #expect(F.read(directory, "docs/new-name.txt") == "title\n\nintro v2\n\nbody\nmore body (mine)\n\nend\n")
    }

    @Test func aNewVariableTakesItsDefaultAndIsRecorded() throws {
        let (directory, plan) = try updated()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        #expect(action(plan, "region.txt") == .create)
        #expect(F.read(directory, "region.txt") == "region eu\n")
        let record = try GeneratedProject(directory: directory).record
        #expect(record.answers["region"] == .string("eu"))
        #expect(record.template.version == "2.0.0")
    }

    @Test func onceAndArtifactFilesAreNeverTouched() throws {
        let (directory, plan) = try updated {
            try F.write($0, "NOTES.md", "my notes\n")
            try F.write($0, "data/app.db", "rows the server wrote\n")
        }
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        #expect(F.read(directory, "NOTES.md") == "my notes\n")
        #expect(F.read(directory, ".env") == "PORT=3000\nV=1\n", "v2 changed the artifact; the project keeps its own")
        #expect(F.read(directory, "data/app.db") == "rows the server wrote\n")
        #expect(!plan.entries.contains { [".env", "NOTES.md", "data/app.db"].contains($0.path) })
        #expect(action(plan, "CONTRIBUTING.md") == .create, "a once file new in the template is created")
        #expect(F.read(directory, "CONTRIBUTING.md") == "How to contribute.\n")
    }

    @Test func withoutAPristineCopyRecordedHashesStillTellUneditedFilesApart() throws {
        let (directory, plan) = try updated {
            try FileManager.default.removeItem(at: $0.appendingPathComponent(PristineCopy.path))
            try F.write($0, "config.txt", "a: 1\nb: 2 (mine)\n")
        }
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        #expect(action(plan, "app.txt") == .replace)
        #expect(
            action(plan, "config.txt") == .conflict, "with no base, an edited file can only be offered as a conflict")
        #expect(F.read(directory, "config.txt")?.contains("<<<<<<< yours\n") == true)
        #expect(
            FileManager.default.fileExists(atPath: directory.appendingPathComponent(PristineCopy.path).path),
            "the update records one")
    }

    @Test func theAnswersFileRecordsTheNewVersionAndTheNewHashes() throws {
        let (directory, _) = try updated { try F.write($0, "keep.txt", "stable, edited\n") }
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let project = try GeneratedProject(directory: directory)
        #expect(project.record.template.version == "2.0.0")
        #expect(project.record.files["app.txt"] == AnswersFile.hash(Data("Hello, world\nport 3000\nversion 2\n".utf8)))
        #expect(
            project.pristine["keep.txt"] == Data("stable\n".utf8), "the base stays pristine, so the edit is still seen")
        #expect(F.read(directory, "keep.txt") == "stable, edited\n")
        #expect(try F.plan(directory, to: "v2").isNoOp, "a second update has nothing left to do")
    }

    @Test func aChangedAnswerReRendersAndKeepsEdits() throws {
        let directory = try F.generate()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        try F.write(directory, "config.txt", "a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\ng: 7\nh: 8 (mine)\n")
        let plan = try F.plan(directory, to: "v1", ["greeting": "Howdy"])
        try ProjectWriter().apply(plan)
        #expect(plan.fromVersion == "1.0.0" && plan.toVersion == "1.0.0")
        #expect(F.read(directory, "app.txt") == "Howdy, world\nport 3000\nversion 1\n")
        #expect(F.read(directory, "config.txt") == "a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\ng: 7\nh: 8 (mine)\n")
        #expect(try GeneratedProject(directory: directory).record.answers["greeting"] == .string("Howdy"))
    }

    @Test func updatingToTheSameVersionWithTheSameAnswersWritesNothing() throws {
        let directory = try F.generate()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        try F.write(directory, "conflict.txt", "edited\n")
        let before = try F.snapshot(directory)
        let plan = try F.plan(directory, to: "v1")
        #expect(plan.isNoOp)
        try ProjectWriter(failAfterMoves: 0).apply(plan)
        #expect(try F.snapshot(directory) == before)
        #expect(
            FileManager.default.subpaths(atPath: directory.deletingLastPathComponent().path)?.contains {
                $0.hasPrefix(".app.")
            } == false)
    }

    @Test func aFailureMidWayLeavesTheProjectByteIdentical() throws {
        let directory = try F.generate()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        try F.write(directory, "conflict.txt", "one\ntwo\nthree (mine)\nfour\nfive\n")
        try F.write(directory, "old-name.txt", "edited before a rename\n")
        let before = try F.snapshot(directory)
        let plan = try F.plan(directory, to: "v2")
        let moves = plan.writes.count + plan.removals.count
        for failAfter in [1, moves / 2, moves - 1] {
            #expect(throws: ScaffoldError.self) { try ProjectWriter(failAfterMoves: failAfter).apply(plan) }
            #expect(try F.snapshot(directory) == before, "failure after \(failAfter) of \(moves) moves")
        }
        #expect(F.entries(directory.deletingLastPathComponent()) == ["app"], "no staging left behind")
    }

    @Test func vendoredFilesAreReplacedAsAWholeAndEditsToThemAreNamed() throws {
        let (directory, plan) = try updated()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        #expect(plan.modifiedVendoredFiles.isEmpty)
        #expect(F.read(directory, "vendor/Lib/Lib.swift") == "public let lib = 2\n")
        #expect(F.read(directory, "vendor/Lib/New.swift") == "public let new = 2\n")
        #expect(F.read(directory, "vendor/Lib/Extra.swift") == nil, "dropped from the vendored folder")

        let edited = try F.generate()
        defer { try? FileManager.default.removeItem(at: edited.deletingLastPathComponent()) }
        try F.write(edited, "vendor/Lib/Lib.swift", "public let lib = 42\n")
        try F.write(edited, "vendor/Lib/Extra.swift", "public let extra = 42\n")
        let before = try F.snapshot(edited)
        #expect(throws: ScaffoldError.vendoredFilesModified(paths: ["vendor/Lib/Extra.swift", "vendor/Lib/Lib.swift"]))
        {
            try F.plan(edited, to: "v2")
        }
        #expect(try F.snapshot(edited) == before, "refused before writing")
        let forced = try F.plan(edited, to: "v2", force: true)
        #expect(forced.modifiedVendoredFiles == ["vendor/Lib/Extra.swift", "vendor/Lib/Lib.swift"])
        try ProjectWriter().apply(forced)
        #expect(F.read(edited, "vendor/Lib/Lib.swift") == "public let lib = 2\n")
        #expect(F.read(edited, "vendor/Lib/Extra.swift") == nil)
    }

    @Test func aRecordNamingAPathOutsideTheProjectCannotMakeAnUpdateDeleteIt() throws {
        let directory = try F.generate()
        let parent = directory.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: parent) }
        let victim = Data("someone else's file\n".utf8)
        try victim.write(to: parent.appendingPathComponent("victim.txt"))
        for (path, key) in [(AnswersFile.path, "files"), (PristineCopy.path, "files")] {
            let url = directory.appendingPathComponent(path)
            var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
            var files = try #require(object[key] as? [String: Any])
            files["../victim.txt"] =
                path == AnswersFile.path ? AnswersFile.hash(victim) as Any : ["text": "someone else's file\n"]
            object[key] = files
            try JSONSerialization.data(withJSONObject: object).write(to: url)
        }
        let plan = try F.plan(directory, to: "v2")
        #expect(!plan.entries.contains { $0.path.contains("..") })
        try ProjectWriter().apply(plan)
        #expect(FileManager.default.contents(atPath: parent.appendingPathComponent("victim.txt").path) == victim)
    }

    @Test func aDowngradeAndAnotherTemplateAreRefused() throws {
        let (directory, _) = try updated()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        #expect(throws: ScaffoldError.downgrade(template: "lifecycle", project: "2.0.0", generator: "1.0.0")) {
            try F.plan(directory, to: "v1")
        }
        let project = try GeneratedProject(directory: directory)
        let other = try Fixtures.template()
        #expect(throws: ScaffoldError.templateMismatch(project: "lifecycle", offered: "fixture")) {
            try UpdatePlanner(template: other).plan(project, answers: Fixtures.answers())
        }
    }

    @Test func aTamperedPristineCopyIsNotTrustedAsTheBase() throws {
        let directory = try F.generate()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let url = directory.appendingPathComponent(PristineCopy.path)
        let tampered = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "four", with: "FOUR")
        try Data(tampered.utf8).write(to: url)
        let project = try GeneratedProject(directory: directory)
        #expect(project.pristine["conflict.txt"] == nil)
        #expect(project.pristine["app.txt"] != nil)
    }
}
