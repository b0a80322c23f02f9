import Foundation
import GoldenTesting
import Scaffold
import Testing

/// `assertGolden` itself: a mismatch fails with a unified diff a reader can act on.
@Suite struct AssertGoldenTests {
    @Test func aChangedTextFailsWithAUnifiedDiffOfTheChangedLine() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let golden = GoldenStrategy<String>.text(file: folder.appendingPathComponent("greeting.txt.golden"))
        try assertGolden("one\ntwo\nthree\n", as: golden, recording: true)

        try assertGolden("one\ntwo\nthree\n", as: golden, recording: false)
        let mismatch = #expect(throws: GoldenMismatch.self) {
            try assertGolden("one\nTWO\nthree\n", as: golden, recording: false)
        }
        #expect(
            mismatch?.description == """
                --- golden/greeting.txt.golden
                +++ actual/greeting.txt.golden
                @@ -1,3 +1,3 @@
                 one
                -two
                +TWO
                 three

                Re-record with RECORD_GOLDEN=1 swift test if the change is intended.
                """)
    }

    @Test func aMissingGoldenFileFailsAndSaysWhereItShouldBe() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("absent.golden")
        let mismatch = #expect(throws: GoldenMismatch.self) {
            try assertGolden("text\n", as: .text(file: file), recording: false)
        }
        #expect(mismatch?.description.hasPrefix("no golden file at \(file.path)\n--- /dev/null\n") == true)
    }

    @Test func aLongDiffIsCutAndSaysHowMuchWasLeftOut() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let golden = GoldenStrategy<String>.text(file: folder.appendingPathComponent("long.golden"))
        try assertGolden((1...500).map { "line \($0)\n" }.joined(), as: golden, recording: true)
        let mismatch = #expect(throws: GoldenMismatch.self) {
            try assertGolden((1...500).map { "changed \($0)\n" }.joined(), as: golden, recording: false)
        }
        let lines = try #require(mismatch).description.split(separator: "\n")
        #expect(lines.count <= goldenDiffLineLimit + 2)
        #expect(lines.contains { $0.hasPrefix("… ") && $0.hasSuffix("more lines of diff for long.golden") })
    }

    @Test func aChangedTreeFailsWithADiffOfTheChangedFileAndNamesEveryOtherDifference() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let golden = GoldenStrategy<RenderedTree>.tree(folder: folder)
        try assertGolden(Fixtures.tree(), as: golden, recording: true)
        let notes = folder.appendingPathComponent("NOTES.md.golden")
        let recorded = try String(contentsOf: notes, encoding: .utf8)
        try Data((recorded + "a line the render does not have\n").utf8).write(to: notes)
        try Data("stale\n".utf8).write(to: folder.appendingPathComponent("stale.txt.golden"))
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o644], ofItemAtPath: folder.appendingPathComponent("bin/run.golden").path)

        let mismatch = #expect(throws: GoldenMismatch.self) {
            try assertGolden(Fixtures.tree(), as: golden, recording: false)
        }
        let message = try #require(mismatch).description
        #expect(message.contains("--- golden/NOTES.md.golden\n+++ actual/NOTES.md.golden\n@@ "))
        #expect(message.contains("\n-a line the render does not have\n"))
        #expect(message.contains("missing file stale.txt.golden"))
        #expect(message.contains("executable bit differs for bin/run.golden: golden false"))
    }
}
