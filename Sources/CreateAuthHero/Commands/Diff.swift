import ArgumentParser
import Foundation
import Scaffold

/// `create-authhero diff [DIR] [--exit-code]`: the user's changes to `managed` files against the
/// pristine rendering, as a unified diff. Artifacts (databases, `.env`) and `once` files are the
/// user's by design and never reported.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show local changes to the template's managed files as a unified diff."
    )

    @OptionGroup var location: ProjectLocation

    @Flag(name: .customLong("exit-code"), help: "Exit 1 when there are local changes.")
    var exitCode = false

    func run() throws {
        let changes = try CommandFailure.wrap { () throws(ScaffoldError) in
            try LocalChanges(project: location.project())
        }
        print(changes.unifiedDiff, terminator: "")
        if exitCode, !changes.isEmpty { throw ExitCode(CommandFailure.localChanges) }
    }
}
