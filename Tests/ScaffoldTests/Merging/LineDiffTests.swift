import Scaffold
import Testing

@Suite struct LineDiffTests {
    /// Length of a longest common subsequence, by the textbook table.
    func lcsLength(_ a: [Character], _ b: [Character]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        return table[0][0]
    }

    @Test func matchesAreALongestCommonSubsequence() {
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<300 {
            let a = (0..<next(12)).map { _ in Character(String(UnicodeScalar(UInt8(97 + next(4))))) }
            let b = (0..<next(12)).map { _ in Character(String(UnicodeScalar(UInt8(97 + next(4))))) }
            let pairs = LineDiff.matches(a, b)
            #expect(pairs.count == lcsLength(a, b), "\(String(a)) vs \(String(b))")
            #expect(pairs.allSatisfy { a[$0.0] == b[$0.1] })
            #expect(zip(pairs, pairs.dropFirst()).allSatisfy { $0.0 < $1.0 && $0.1 < $1.1 })
        }
    }

    @Test func operationsAlternateSameAndChangeRuns() {
        let operations = LineDiff.operations(["a", "b", "c", "d"], ["a", "x", "c", "d", "e"])
        #expect(
            operations == [
                .same(oldIndex: 0, newIndex: 0, count: 1),
                .change(oldRange: 1..<2, newRange: 1..<2),
                .same(oldIndex: 2, newIndex: 2, count: 2),
                .change(oldRange: 4..<4, newRange: 4..<5),
            ])
        #expect(LineDiff.operations([String](), []) == [])
        #expect(LineDiff.operations(["a"], []) == [.change(oldRange: 0..<1, newRange: 0..<0)])
    }
}
