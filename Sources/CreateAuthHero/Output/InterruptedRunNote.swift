import Foundation
import Scaffold

extension ProjectWriter.InterruptedRun {
    /// The line a command prints about what an earlier, killed run left beside the project.
    var note: String {
        switch outcome {
        case .rolledBack:
            return "note: rolled back an interrupted run (\(staging.lastPathComponent))\n"
        case .ignored(let reason):
            return "warning: left \(staging.path) untouched: \(reason). If a run of yours left it, "
                + "check what it holds, then remove it.\n"
        }
    }
}
