import ArgumentParser
import Foundation
import Scaffold

/// `create-authhero update [DIR] ...`: brings a generated project to this generator's template
/// version, or re-renders it with changed answers, merging the user's edits three ways.
struct Update: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Update a generated project to this generator's template version (three-way merge; exit 1 on conflicts)."
    )

    @OptionGroup var location: ProjectLocation

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp("Change an answer, or answer a new variable; repeat for each.", valueName: "NAME=VALUE"))
    var assignments: [String] = []

    @Flag(name: .customLong("dry-run"), help: "Print the plan and the number of conflicts; write nothing.")
    var dryRun = false

    @Flag(help: "Print the plan as JSON on stdout.")
    var json = false

    @Flag(name: .customLong("allow-dirty"), help: "Update even if the project's git work tree has uncommitted changes.")
    var allowDirty = false

    @Flag(help: "Replace vendored files even if they were edited.")
    var force = false

    @Flag(
        inversion: .prefixedNo,
        help: "Ask new questions (default: only when stdin and stdout are terminals and CI is unset).")
    var interactive: Bool?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let (project, template) = try CommandFailure.wrap { () throws(ScaffoldError) in try location.open() }
        if !allowDirty, !dryRun, GitWorkTree.hasUncommittedChanges(at: project.directory) {
            try CommandFailure.wrap { () throws(ScaffoldError) in throw .uncommittedChanges(path: location.directory) }
        }
        let answers = try resolveAnswers(project: project, template: template, environment: environment)
        let plan = try CommandFailure.wrap { () throws(ScaffoldError) in
            try UpdatePlanner(template: template).plan(
                project, answers: answers, extra: VendoredFolders.files(for: template.manifest, answers: answers),
                replacingEditedVendoredFiles: force)
        }
        if !dryRun {
            // Test-only hook, as for generation: slows the writer so tests can kill a run mid-write.
            let pause = environment["CREATE_AUTHHERO_TEST_PAUSE_PER_FILE"].flatMap(Double.init)
            try CommandFailure.wrap { () throws(ScaffoldError) in
                try ProjectWriter(pauseBetweenFiles: pause).apply(plan)
            }
        }
        if json {
            print(String(decoding: try plan.json(), as: UTF8.self))
        } else {
            print(UpdateReport(plan: plan, dryRun: dryRun).text)
        }
        if plan.conflictCount > 0 { throw ExitCode(CommandFailure.updateConflicts) }
    }

    /// Recorded answers stay as they are (never asked again); `--set` changes them; variables new
    /// in this template version are asked, or take their defaults when nobody can be asked.
    private func resolveAnswers(project: GeneratedProject, template: Template, environment: [String: String]) throws
        -> Answers
    {
        var given = project.record.givenValues.filter { template.manifest.variable(named: $0.key) != nil }
        var problems: [String] = []
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                problems.append("--set '\(assignment)' is not NAME=VALUE")
                continue
            }
            given[String(assignment[..<equals])] = String(assignment[assignment.index(after: equals)...])
        }
        if !problems.isEmpty {
            throw CommandFailure.failure(problems.joined(separator: "\n"), code: CommandFailure.usage)
        }
        let prompter = (interactive ?? Terminal.allowsPrompts) ? Prompter() : nil
        do {
            return try AnswerResolver(manifest: template.manifest).resolve(
                given: given, environment: environment, useDefaults: prompter == nil,
                ask: prompter.map { prompter in { try prompter.askVariable($0) } }
            )
        } catch let error as ScaffoldError {
            throw CommandFailure.failure(
                "cannot update:\n" + error.description, code: CommandFailure.exitCode(for: error))
        } catch is Prompter.InputEnded {
            throw CommandFailure.failure("input ended before every question was answered", code: CommandFailure.usage)
        }
    }
}
