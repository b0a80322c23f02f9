import Foundation
import Scaffold

/// The human-readable outcome of a run: one line per file, then what to do next.
struct PlanReport {
    let plan: RenderPlan
    let dryRun: Bool
    let overwrite: Bool
    /// The directory as the user gave it, for the next-step commands.
    let directory: String

    var text: String {
        var lines = plan.entries.map { entry -> String in
            let verb: String
            switch entry.action {
            case .create: verb = "create"
            case .identical: verb = "identical"
            case .conflict: verb = overwrite ? "overwrite" : "conflict"
            case .blocked: verb = "blocked"
            }
            return verb.padding(toLength: 10, withPad: " ", startingAt: 0) + entry.file.path
        }
        if dryRun {
            lines.append("Dry run: nothing was written to \(plan.target.path).")
        } else {
            lines.append("")
            lines.append("Generated \(plan.entries.count) files in \(plan.target.path).")
            lines.append("Next steps:")
            lines.append("  cd \(ReproducingCommand.quote(directory))")
            lines.append("  swift build")
        }
        return lines.joined(separator: "\n")
    }
}
