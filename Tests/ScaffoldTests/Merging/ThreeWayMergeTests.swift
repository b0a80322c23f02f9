import Foundation
import Scaffold
import Testing

@Suite struct ThreeWayMergeTests {
    let base = "one\ntwo\nthree\nfour\nfive\nsix\nseven\n"

    func merged(_ ours: String, _ theirs: String, base: String? = nil) -> (String, Int) {
        let merge = ThreeWayMerge(base: base ?? self.base, ours: ours, theirs: theirs)
        return (merge.text(ours: "yours", base: "base", theirs: "new"), merge.conflictCount)
    }

    @Test func unchangedSidesGiveTheBase() {
        #expect(merged(base, base) == (base, 0))
    }

    @Test func aChangeOnOneSideIsTaken() {
        let edited = base.replacingOccurrences(of: "three", with: "THREE")
        #expect(merged(edited, base) == (edited, 0))
        #expect(merged(base, edited) == (edited, 0))
    }

    @Test func theSameChangeOnBothSidesIsTakenOnce() {
        let edited = base.replacingOccurrences(of: "three\n", with: "3\n3b\n")
        #expect(merged(edited, edited) == (edited, 0))
    }

    @Test func changesInSeparateRegionsAreBothTaken() {
        let ours = base.replacingOccurrences(of: "two", with: "TWO")
        let theirs = base.replacingOccurrences(of: "six", with: "SIX") + "eight\n"
        #expect(merged(ours, theirs) == ("one\nTWO\nthree\nfour\nfive\nSIX\nseven\neight\n", 0))
    }

    @Test func bothDeletingTheSameLineIsClean() {
        let deleted = base.replacingOccurrences(of: "four\n", with: "")
        #expect(merged(deleted, deleted) == (deleted, 0))
    }

    @Test func overlappingChangesConflictWithDiff3Markers() {
        let ours = base.replacingOccurrences(of: "four", with: "4 (mine)")
        let theirs = base.replacingOccurrences(of: "four", with: "4 (template)")
        let (text, conflicts) = merged(ours, theirs)
        #expect(conflicts == 1)
        #expect(
            text
                == "one\ntwo\nthree\n<<<<<<< yours\n4 (mine)\n||||||| base\nfour\n=======\n4 (template)\n>>>>>>> new\nfive\nsix\nseven\n"
        )
    }

    @Test func differentInsertionsAtTheSamePlaceConflict() {
        let ours = base.replacingOccurrences(of: "five\n", with: "five\nmine\n")
        let theirs = base.replacingOccurrences(of: "five\n", with: "five\ntheirs\n")
        let (text, conflicts) = merged(ours, theirs)
        #expect(conflicts == 1)
        #expect(text.contains("<<<<<<< yours\nmine\n||||||| base\n=======\ntheirs\n>>>>>>> new\n"))
    }

    @Test func anEditAgainstADeletionConflicts() {
        let ours = base.replacingOccurrences(of: "two", with: "TWO")
        let theirs = base.replacingOccurrences(of: "two\n", with: "")
        #expect(merged(ours, theirs).1 == 1)
    }

    @Test func editsOnAdjacentLinesConflictAsInGNUDiff3() {
        let ours = base.replacingOccurrences(of: "two", with: "TWO")
        let theirs = base.replacingOccurrences(of: "three", with: "THREE")
        #expect(merged(ours, theirs).1 == 1)
    }

    @Test func aMissingFinalNewlineIsKeptAndNeverGluedToAMarker() {
        #expect(merged("a\nb", "a\nb", base: "a\nb") == ("a\nb", 0))
        #expect(merged("a\nB", "a\nb", base: "a\nb") == ("a\nB", 0))
        let (text, conflicts) = merged("a\nmine", "a\ntheirs", base: "a\nb")
        #expect(conflicts == 1)
        #expect(text == "a\n<<<<<<< yours\nmine\n||||||| base\nb\n=======\ntheirs\n>>>>>>> new\n")
    }

    @Test func anEmptyBaseWithDifferentSidesIsOneConflict() {
        let (text, conflicts) = merged("x\n", "y\n", base: "")
        #expect(conflicts == 1)
        #expect(text == "<<<<<<< yours\nx\n||||||| base\n=======\ny\n>>>>>>> new\n")
    }
}
