/// A unified diff (`diff -u` format, three lines of context) of two texts, for `diff`.
public enum UnifiedDiff {
    /// The diff of `old` (labelled `oldLabel`) to `new`; empty when the texts are equal.
    /// A missing side is given as nil and labelled `/dev/null`.
    public static func text(old: String?, new: String?, oldLabel: String, newLabel: String, context: Int = 3) -> String
    {
        let a = TextLines(old ?? "").lines
        let b = TextLines(new ?? "").lines
        guard old != new else { return "" }
        let operations = LineDiff.operations(a, b)
        var changes: [(old: Range<Int>, new: Range<Int>)] = []
        for case .change(let oldRange, let newRange) in operations { changes.append((oldRange, newRange)) }
        guard !changes.isEmpty else { return "" }

        var groups: [[(old: Range<Int>, new: Range<Int>)]] = []
        for change in changes {
            if let previous = groups.last?.last, change.old.lowerBound - previous.old.upperBound <= 2 * context {
                groups[groups.count - 1].append(change)
            } else {
                groups.append([change])
            }
        }
        var output = "--- \(old == nil ? "/dev/null" : oldLabel)\n+++ \(new == nil ? "/dev/null" : newLabel)\n"
        for group in groups {
            let first = group.first!
            let last = group.last!
            let oldStart = max(0, first.old.lowerBound - context)
            let newStart = max(0, first.new.lowerBound - context)
            let oldEnd = min(a.count, last.old.upperBound + context)
            let newEnd = min(b.count, last.new.upperBound + context)
            output += "@@ -\(range(oldStart, oldEnd)) +\(range(newStart, newEnd)) @@\n"
            var oldIndex = oldStart
            for change in group {
                for index in oldIndex..<change.old.lowerBound { output += line(" ", a[index]) }
                for index in change.old { output += line("-", a[index]) }
                for index in change.new { output += line("+", b[index]) }
                oldIndex = change.old.upperBound
            }
            for index in oldIndex..<oldEnd { output += line(" ", a[index]) }
        }
        return output
    }

    /// `start,count` with 1-based start, as `diff -u` writes it (start is 0 for an empty range).
    private static func range(_ start: Int, _ end: Int) -> String {
        let count = end - start
        return count == 0 ? "\(start),0" : (count == 1 ? "\(start + 1)" : "\(start + 1),\(count)")
    }

    private static func line(_ marker: String, _ text: Substring) -> String {
        text.hasSuffix("\n") ? marker + text : marker + text + "\n\\ No newline at end of file\n"
    }
}
