/// The longest common subsequence of two line arrays, found with Myers' O(ND) algorithm after
/// trimming the common prefix and suffix (most edits to generated files are small and local).
public enum LineDiff {
    /// One run of the edit script.
    public enum Operation: Equatable, Sendable {
        /// Lines present in both: `old[oldIndex + k] == new[newIndex + k]` for `k < count`.
        case same(oldIndex: Int, newIndex: Int, count: Int)
        /// `old[oldRange]` replaced by `new[newRange]` (either range may be empty).
        case change(oldRange: Range<Int>, newRange: Range<Int>)
    }

    /// Pairs of equal lines `(oldIndex, newIndex)`, increasing in both, as long as possible.
    public static func matches<Line: Equatable>(_ old: [Line], _ new: [Line]) -> [(Int, Int)] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
            old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
        { suffix += 1 }
        var result = (0..<prefix).map { ($0, $0) }
        let middle = myers(Array(old[prefix..<(old.count - suffix)]), Array(new[prefix..<(new.count - suffix)]))
        result += middle.map { ($0.0 + prefix, $0.1 + prefix) }
        result += (0..<suffix).map { (old.count - suffix + $0, new.count - suffix + $0) }
        return result
    }

    /// The edit script from `old` to `new`: alternating runs of equal and changed lines.
    public static func operations<Line: Equatable>(_ old: [Line], _ new: [Line]) -> [Operation] {
        var operations: [Operation] = []
        var oldIndex = 0
        var newIndex = 0
        for (o, n) in matches(old, new) + [(old.count, new.count)] {
            if o > oldIndex || n > newIndex {
                operations.append(.change(oldRange: oldIndex..<o, newRange: newIndex..<n))
            }
            if o < old.count {
                if case .same(let start, let newStart, let count)? = operations.last, start + count == o {
                    operations[operations.count - 1] = .same(oldIndex: start, newIndex: newStart, count: count + 1)
                } else {
                    operations.append(.same(oldIndex: o, newIndex: n, count: 1))
                }
            }
            oldIndex = o + 1
            newIndex = n + 1
        }
        return operations
    }

    /// Myers' greedy forward search, keeping each round's furthest-reaching paths to trace the
    /// snakes back.
    private static func myers<Line: Equatable>(_ a: [Line], _ b: [Line]) -> [(Int, Int)] {
        let n = a.count
        let m = b.count
        guard n > 0, m > 0 else { return [] }
        let maximum = n + m
        let offset = maximum
        var frontier = [Int](repeating: 0, count: 2 * maximum + 2)
        var trace: [[Int]] = []
        search: for d in 0...maximum {
            trace.append(frontier)
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1]) {
                    x = frontier[offset + k + 1]
                } else {
                    x = frontier[offset + k - 1] + 1
                }
                var y = x - k
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                }
                frontier[offset + k] = x
                if x >= n, y >= m { break search }
            }
        }
        var pairs: [(Int, Int)] = []
        var x = n
        var y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let previous = trace[d]
            let k = x - y
            let previousK: Int
            if k == -d || (k != d && previous[offset + k - 1] < previous[offset + k + 1]) {
                previousK = k + 1
            } else {
                previousK = k - 1
            }
            let previousX = d == 0 ? 0 : previous[offset + previousK]
            let previousY = d == 0 ? 0 : previousX - previousK
            while x > previousX, y > previousY {
                x -= 1
                y -= 1
                pairs.append((x, y))
            }
            if d > 0 {
                x = previousX
                y = previousY
            }
        }
        return pairs.reversed()
    }
}
