import Foundation
import Scaffold

/// The human-readable outcome of a run: a one-line summary (one line per file with `verbose` or in a dry run;
/// conflicts always), then what to do next.
struct PlanReport {
    let plan: RenderPlan
    let dryRun: Bool
    let overwrite: Bool
    /// The directory as the user gave it, for the next-step commands.
    let directory: String
    /// Whether to list every file, not only those needing attention.
    var verbose = false
    /// The template's next steps after `cd` (its manifest's, rendered).
    var nextSteps: [String] = []

    var text: String {
        // A vendored folder is one line per action: its files are the generator's, not the user's to review.
        var vendored: [String: Int] = [:]
        var lines: [String] = []
        let listsEveryFile = verbose || dryRun
        for entry in plan.entries {
            if !listsEveryFile, Self.isRoutine(entry.action) { continue }
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
            if !lines.isEmpty { lines.append("") }
            let vendoredCount = plan.entries.filter { $0.file.class == .vendored }.count
            let listed = listsEveryFile ? "" : " (--verbose lists them)"
            lines.append(
                "Generated \(plan.entries.count) files in \(plan.target.path)"
                    + (vendoredCount > 0 && !listsEveryFile ? ", \(vendoredCount) of them the vendored runtime" : "")
                    + "\(listed).")
            lines.append("Next steps:")
            lines.append("  cd \(ReproducingCommand.quote(directory))")
            for step in nextSteps.isEmpty ? ["swift build"] : nextSteps { lines.append("  " + step) }
        }
        return lines.joined(separator: "\n")
    }

    /// A file written as planned, listed only with `verbose` (conflicts and blocked files are always listed).
    private static func isRoutine(_ action: RenderPlan.Action) -> Bool {
        switch action {
        case .create, .identical: true
        case .conflict, .blocked: false
        }
    }
}
