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
        // A vendored folder is one line per action: its files are the generator's, not the user's to review.
        var vendored: [String: Int] = [:]
        var lines: [String] = []
        for entry in plan.entries {
            let verb: String
            switch entry.action {
            case .create: verb = "create"
            case .identical: verb = "identical"
            case .conflict: verb = overwrite ? "overwrite" : "conflict"
            case .blocked: verb = "blocked"
            }
            let line = verb.padding(toLength: 10, withPad: " ", startingAt: 0)
            if entry.file.class == .vendored {
                let folder = line + (entry.file.path.split(separator: "/").first.map(String.init) ?? "") + "/"
                if vendored[folder] == nil { lines.append(folder) }
                vendored[folder, default: 0] += 1
            } else {
                lines.append(line + entry.file.path)
            }
        }
        lines = lines.map { line in
            guard let count = vendored[line] else { return line }
            return line + " (\(count) vendored files)"
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
