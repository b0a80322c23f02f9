import Foundation
import Scaffold
import Testing

@Suite struct CheckAndDiffTests {
    typealias F = LifecycleFixture

    @Test func aProjectAtTheTemplatesVersionIsCurrentAndAnOlderOneListsTheChanges() throws {
        let directory = try F.generate()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let project = try GeneratedProject(directory: directory)
        let current = try TemplateStatus(project: project, template: F.template("v1"))
        #expect(!current.updateAvailable)
        let behind = try TemplateStatus(project: project, template: F.template("v2"))
        #expect(behind.updateAvailable)
        #expect(behind.changes == ["2.0.0: Adds a region; renames old-name.txt to docs/new-name.txt."])
    }

    @Test func aFolderWithoutAnAnswersFileIsNotAProject() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: ScaffoldError.notAGeneratedProject(path: folder.path)) {
            try GeneratedProject(directory: folder)
        }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent(".create-authhero"), withIntermediateDirectories: true)
        try Data("{not json".utf8).write(to: folder.appendingPathComponent(AnswersFile.path))
        #expect { try GeneratedProject(directory: folder) } throws: { error in
            if case .invalidAnswersFile = error as? ScaffoldError { return true }
            return false
        }
    }

    @Test func aFreshProjectHasNoLocalChanges() throws {
        let directory = try F.generate()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        #expect(try LocalChanges(project: GeneratedProject(directory: directory)).isEmpty)
    }

    @Test func editsAndDeletionsOfManagedFilesAreDiffedButArtifactsAndOnceFilesAreNot() throws {
        let directory = try F.generate()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        try F.write(directory, "keep.txt", "stable, edited\n")
        try FileManager.default.removeItem(at: directory.appendingPathComponent("deleted.txt"))
        try F.write(directory, "data/app.db", "the server ran and wrote rows\n")
        try F.write(directory, ".env", "PORT=1\n")
        try F.write(directory, "NOTES.md", "my notes\n")
        try F.write(directory, "vendor/Lib/Lib.swift", "patched\n")
        let changes = try LocalChanges(project: GeneratedProject(directory: directory))
        #expect(changes.changes.map(\.path) == ["deleted.txt", "keep.txt", "vendor/Lib/Lib.swift"])
        #expect(changes.unifiedDiff.contains("--- a/keep.txt\n+++ b/keep.txt\n@@ -1 +1 @@\n-stable\n+stable, edited\n"))
        #expect(changes.unifiedDiff.contains("--- a/deleted.txt\n+++ /dev/null\n"))
        #expect(
            !changes.unifiedDiff.contains("app.db") && !changes.unifiedDiff.contains(".env")
                && !changes.unifiedDiff.contains("NOTES"))
    }
}
