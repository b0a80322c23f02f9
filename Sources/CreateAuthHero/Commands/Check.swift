import ArgumentParser
import Foundation
import Scaffold

/// `create-authhero check [DIR] [--json]`: whether a generated project is at the generator's
/// template version. Exit 0 when it is, 2 when an update is available, 1 on any error.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Check whether a generated project is at this generator's template version (exit 0 current, 2 update available, 1 error)."
    )

    @OptionGroup var location: ProjectLocation

    @Flag(help: "Print {template, project_version, generator_version, update_available, changes} as JSON.")
    var json = false

    func run() throws {
        let status = try CommandFailure.wrap(code: CommandFailure.checkFailed) { () throws(ScaffoldError) in
            let (project, template) = try location.open()
            return try TemplateStatus(project: project, template: template)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(status), as: UTF8.self))
        } else if status.updateAvailable {
            print("\(status.template) \(status.projectVersion) → \(status.generatorVersion): an update is available.")
            for change in status.changes { print("  \(change)") }
            print("Run `create-authhero update \(ReproducingCommand.quote(location.directory))` to apply it.")
        } else {
            print("\(status.template) \(status.projectVersion): up to date.")
        }
        if status.updateAvailable { throw ExitCode(CommandFailure.updateAvailable) }
    }
}
