import ArgumentParser
import Foundation
import Scaffold

/// `create-authhero [DIR] ...`: the default command. Resolves answers, renders the project in
/// memory, plans, then writes (or prints the plan for `--dry-run`).
struct Generate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a project from a template (the default command).",
        discussion: TemplateHelp.discussion
    )

    @Argument(help: "The directory to generate, absolute or relative; its last component is the project name.")
    var directory: String?

    @Option(help: "The template id (see `create-authhero list`).")
    var template: String?

    @Option(
        name: .customLong("set"), help: ArgumentHelp("A template variable; repeat for each.", valueName: "NAME=VALUE"))
    var assignments: [String] = []

    @Option(help: "The project name, instead of the directory's last component.")
    var name: String?

    @Option(
        name: .customLong("answers-file"),
        help: "Reuse a project's .create-authhero/answers.json (template, name, answers).")
    var answersFile: String?

    @Flag(name: [.short, .long], help: "Take the default of every variable that has one.")
    var yes = false

    @Flag(name: .customLong("dry-run"), help: "Print the plan (create / identical / conflict) and write nothing.")
    var dryRun = false

    @Flag(help: "Print the plan as JSON on stdout.")
    var json = false

    @Flag(help: "List every file written (a dry run always does).")
    var verbose = false

    @Flag(help: "Overwrite conflicting files in a non-empty directory (journaled); other files are never touched.")
    var force = false

    @Flag(
        inversion: .prefixedNo,
        help: "Ask questions (default: only when stdin and stdout are terminals and CI is unset).")
    var interactive: Bool?

    func run() async throws {
        let environment = SeedStep.environment(ProcessInfo.processInfo.environment)
        let prompter = (interactive ?? Terminal.allowsPrompts) ? Prompter() : nil
        let workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let catalog = try CommandFailure.wrap { () throws(ScaffoldError) in try EmbeddedTemplates.catalog() }
        let recorded = try answersFile.map { path in
            try CommandFailure.wrap { () throws(ScaffoldError) in
                try AnswersFile.read(from: URL(fileURLWithPath: path, relativeTo: workingDirectory))
            }
        }

        var request = GenerationRequest(
            command: ReproducingCommand(
                directory: directory, name: name, templateID: template ?? recorded?.template.id,
                useDefaults: yes, force: force)
        )
        var given = recorded?.givenValues ?? [:]
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                request.problems.append("--set '\(assignment)' is not NAME=VALUE")
                continue
            }
            given[String(assignment[..<equals])] = String(assignment[assignment.index(after: equals)...])
        }

        do {
            let target = try request.resolveTarget(
                directory: directory, name: self.name ?? recorded?.name, workingDirectory: workingDirectory,
                prompter: prompter)
            let selected = try request.resolveTemplate(
                id: self.template ?? recorded?.template.id, in: catalog, prompter: prompter)
            let answers = try selected.flatMap {
                try request.resolveAnswers(
                    for: $0, given: given, environment: environment, useDefaults: yes, prompter: prompter)
            }
            guard let target, let selected, let answers, request.problems.isEmpty else {
                throw CommandFailure.failure(request.report(), code: CommandFailure.usage)
            }
            try await write(
                template: selected, answers: answers, target: target, shownAs: request.command.directory,
                environment: environment)
            if prompter != nil {
                Terminal.write(request.reproduction(target: target, template: selected, answers: answers) + "\n")
            }
        } catch is Prompter.InputEnded {
            throw CommandFailure.failure("input ended before every question was answered", code: CommandFailure.usage)
        }
    }

    private func write(
        template: Template, answers: Answers, target: ProjectTarget, shownAs directory: String?,
        environment: [String: String]
    ) async throws {
        for run in ProjectWriter.recoverInterruptedRuns(for: target.directory) {
            Terminal.write(run.note)
        }
        let rendered = try CommandFailure.wrap { () throws(ScaffoldError) in
            try TemplateRenderer(template: template).render(
                name: target.name, answers: answers,
                extra: VendoredFolders.files(for: template.manifest, answers: answers))
        }
        // The seed's database is built in this run's staging folder (owner-only, beside the target, cleaned by
        // the next run if this one is killed); a dry run writes nothing beside the target.
        var staging: URL?
        if !dryRun {
            staging = try CommandFailure.wrap { () throws(ScaffoldError) in
                try ProjectWriter.makeStagingDirectory(for: target.directory)
            }
        }
        defer { if let staging { try? FileManager.default.removeItem(at: staging) } }
        let seeding = try await SeedStep(
            template: template, name: target.name, answers: answers, tree: rendered,
            showsPassword: SeedStep.stdoutIsTerminal && !json,
            workingDirectory: staging ?? FileManager.default.temporaryDirectory
        ).run()
        let plan = try CommandFailure.wrap { () throws(ScaffoldError) in
            try RenderPlan(tree: seeding.tree, target: target.directory)
        }
        if !dryRun {
            // Test-only hook: slows the writer so tests can kill a run mid-write.
            let pause = environment["CREATE_AUTHHERO_TEST_PAUSE_PER_FILE"].flatMap(Double.init)
            try CommandFailure.wrap { () throws(ScaffoldError) in
                try ProjectWriter(overwrite: force, pauseBetweenFiles: pause).write(plan, staging: staging)
            }
        }
        if json {
            print(String(decoding: try plan.json(), as: UTF8.self))
        } else {
            let nextSteps = try CommandFailure.wrap { () throws(ScaffoldError) in
                try TemplateRenderer(template: template).nextSteps(name: target.name, answers: answers)
            }
            print(
                PlanReport(
                    plan: plan, dryRun: dryRun, overwrite: force, directory: directory ?? target.directory.path,
                    verbose: verbose, nextSteps: nextSteps
                ).text)
        }
        if !dryRun, let notice = seeding.passwordNotice { Terminal.write(notice) }
    }
}
