import Foundation
import Scaffold

/// Golden-file comparison in the spirit of snapshot testing: a value is compared with a recorded file (or tree), and
/// `RECORD_GOLDEN=1 swift test` re-records instead.
///
/// A mismatch throws ``GoldenMismatch``, whose description is a unified diff of the recording and the value, so a
/// failing test shows what changed without a second run.
public func assertGolden<Value>(
    _ value: Value, as strategy: GoldenStrategy<Value>, recording: Bool = GoldenRecording.isOn
) throws {
    guard let problem = try strategy.compare(value, recording) else { return }
    throw GoldenMismatch(problem, whileRecording: recording)
}

/// The one record switch every golden test obeys.
public enum GoldenRecording {
    public static var isOn: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }
}

/// How a value of one type is recorded and compared: see `.tree`, `.text` and `.sqlDump`.
public struct GoldenStrategy<Value> {
    /// Records `value` when the flag is set; otherwise compares it and returns what differs, or nil.
    let compare: (_ value: Value, _ recording: Bool) throws -> String?
}

/// A value that differs from its recording; the description says how and how to re-record.
public struct GoldenMismatch: Error, CustomStringConvertible {
    public let description: String

    /// A problem found while recording is a refusal to record, so it gets no hint to re-record.
    init(_ problem: String, whileRecording recording: Bool) {
        description =
            recording ? problem : problem + "\nRe-record with RECORD_GOLDEN=1 swift test if the change is intended."
    }
}

/// Diffs are cut to this many lines: a changed template can touch thousands, and the first hunks tell the story.
public let goldenDiffLineLimit = 200

/// The unified diff of a recorded text and a new one, at most `goldenDiffLineLimit` lines.
func goldenDiff(recorded: String?, actual: String, path: String) -> String {
    let diff = UnifiedDiff.text(old: recorded, new: actual, oldLabel: "golden/" + path, newLabel: "actual/" + path)
    let lines = diff.split(separator: "\n", omittingEmptySubsequences: false)
    guard lines.count > goldenDiffLineLimit else { return diff }
    return lines.prefix(goldenDiffLineLimit).joined(separator: "\n")
        + "\n… \(lines.count - goldenDiffLineLimit) more lines of diff for \(path)\n"
}
