import Foundation
import Scaffold
import Testing

@Suite struct UnifiedDiffTests {
    @Test func equalTextsGiveNoDiff() {
        #expect(UnifiedDiff.text(old: "a\n", new: "a\n", oldLabel: "a/x", newLabel: "b/x") == "")
    }

    @Test func aChangeIsShownWithThreeLinesOfContext() {
        let old = (1...10).map { "line \($0)\n" }.joined()
        let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
        #expect(
            UnifiedDiff.text(old: old, new: new, oldLabel: "a/f", newLabel: "b/f") == """
                --- a/f
                +++ b/f
                @@ -2,7 +2,7 @@
                 line 2
                 line 3
                 line 4
                -line 5
                +line five
                 line 6
                 line 7
                 line 8

                """)
    }

    @Test func distantChangesGetSeparateHunks() {
        let old = (1...20).map { "\($0)\n" }.joined()
        let new = old.replacingOccurrences(of: "\n2\n", with: "\nTWO\n").replacingOccurrences(
            of: "\n19\n", with: "\nNINETEEN\n")
        let diff = UnifiedDiff.text(old: old, new: new, oldLabel: "a/f", newLabel: "b/f")
        #expect(
            diff.components(separatedBy: "\n").filter { $0.hasPrefix("@@") } == [
                "@@ -1,5 +1,5 @@", "@@ -16,5 +16,5 @@",
            ])
    }

    @Test func aDeletedFileIsDiffedAgainstDevNull() {
        #expect(
            UnifiedDiff.text(old: "a\nb", new: nil, oldLabel: "a/f", newLabel: "b/f") == """
                --- a/f
                +++ /dev/null
                @@ -1,2 +0,0 @@
                -a
                -b
                \\ No newline at end of file

                """)
    }
}
