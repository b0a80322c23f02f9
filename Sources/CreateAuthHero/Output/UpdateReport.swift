import Foundation
import Scaffold

/// The human-readable outcome of `update`: one line per file that changes or needs attention,
/// then the conflicts and kept files to look at.
struct UpdateReport {
    let plan: UpdatePlan
    let dryRun: Bool

    var text: String {
        // The answers file and pristine copy change with every update: bookkeeping, not news.
        let files = plan.entries.filter { $0.action != .unchanged && !$0.path.hasPrefix(".create-authhero/") }
        var lines = files.map { entry -> String in
            let verb = entry.action.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)
            return verb + (entry.from.map { "\($0) → " } ?? "") + entry.path
        }
        let versions =
            plan.fromVersion == plan.toVersion ? "at \(plan.toVersion)" : "\(plan.fromVersion) → \(plan.toVersion)"
        if plan.isNoOp {
            lines.append("Nothing to update (\(versions)); nothing was written.")
            return lines.joined(separator: "\n")
        }
        lines.append("")
        lines.append(
            dryRun ? "Dry run (\(versions)): nothing was written." : "Updated \(plan.target.path) (\(versions)).")
        let kept = plan.entries.filter { $0.action == .keepRemoved }
        if !kept.isEmpty {
            lines.append("Removed from the template but kept because you edited them:")
            lines += kept.map { "  \($0.path)" }
        }
        if plan.conflictCount > 0 {
            lines.append(
                "\(plan.conflictCount) conflict(s) \(dryRun ? "would be" : "were") marked with <<<<<<< ||||||| ======= >>>>>>> in:"
            )
            lines += plan.conflicted.map {
                "  \($0.path) (\($0.conflicts))" + ($0.contents == nil ? ": not text, your copy was kept" : "")
            }
        } else {
            lines.append("No conflicts.")
        }
        return lines.joined(separator: "\n")
    }
}
