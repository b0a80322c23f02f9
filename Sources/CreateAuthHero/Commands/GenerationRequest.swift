import Foundation
import Scaffold

/// Resolves directory, template and answers for one run, collecting every problem instead of
/// stopping at the first, and keeping a corrected command up to date for the error report.
struct GenerationRequest {
    var command: ReproducingCommand
    var problems: [String] = []

    init(command: ReproducingCommand) {
        self.command = command
    }

    mutating func resolveTarget(
        directory: String?, name: String?, workingDirectory: URL, prompter: Prompter?
    ) throws -> ProjectTarget? {
        guard let directory else {
            if let prompter {
                let (path, target) = try prompter.askDirectory(workingDirectory: workingDirectory, name: name)
                command.directory = path
                return target
            }
            problems.append("missing the project directory (the DIR argument, e.g. my-saas-auth)")
            return nil
        }
        do {
            return try ProjectTarget(path: directory, name: name, workingDirectory: workingDirectory)
        } catch {
            problems.append(error.description)
            if case .invalidProjectName(_, _, let suggestion?) = error {
                if command.name != nil {
                    command.name = suggestion
                } else {
                    let trimmed = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
                    let parent = trimmed.lastIndex(of: "/").map { String(trimmed[...$0]) } ?? ""
                    command.directory = parent + suggestion
                }
            } else {
                command.directory = nil
            }
            return nil
        }
    }

    mutating func resolveTemplate(id: String?, in catalog: TemplateCatalog, prompter: Prompter?) throws -> Template? {
        guard let id else {
            if let prompter { return try prompter.askTemplate(in: catalog) }
            let ids = catalog.templates.map(\.manifest.id).joined(separator: ", ")
            problems.append("missing --template (one of: \(ids))")
            return nil
        }
        do {
            return try catalog.template(id: id)
        } catch {
            problems.append(error.description)
            command.templateID = nil
            return nil
        }
    }

    mutating func resolveAnswers(
        for template: Template, given: [String: String], environment: [String: String], useDefaults: Bool,
        prompter: Prompter?
    ) throws -> Answers? {
        command.templateID = template.manifest.id
        let resolver = AnswerResolver(manifest: template.manifest)
        do {
            return try resolver.resolve(
                given: given, environment: environment, useDefaults: useDefaults,
                ask: prompter.map { prompter in { try prompter.askVariable($0) } }
            )
        } catch let ScaffoldError.answerProblems(list) {
            problems += list.map(\.description)
            let broken = Set(list.map(\.variable))
            for variable in template.manifest.variables {
                let missingWithDefault =
                    list.contains { $0.variable == variable.name && $0.kind == .missing }
                    && variable.default != nil
                if missingWithDefault {
                    command.useDefaults = true
                } else if broken.contains(variable.name) {
                    command.assignments.append((variable.name, variable.placeholder))
                } else if let value = given[variable.name], variable.type != .secret {
                    command.assignments.append((variable.name, value))
                }
            }
            return nil
        }
    }

    /// The error report: every problem, then a corrected command to paste.
    func report() -> String {
        "cannot generate:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
            + "\nA corrected command (fill in the <...> parts):\n  \(command.line)"
    }

    /// After an interactive run: the command that reproduces it without questions.
    func reproduction(target: ProjectTarget, template: Template, answers: Answers) -> String {
        var command = self.command
        command.templateID = template.manifest.id
        command.useDefaults = false
        command.assignments = template.manifest.variables.compactMap { variable in
            answers.values[variable.name].map { (variable.name, $0.description) }
        }
        var text = "\nTo run this again without questions:\n  \(command.line)\n"
        for variable in template.manifest.variables where answers.secrets[variable.name] != nil {
            text += "  (\(variable.name) is left out: pass it as \(variable.environmentName) in the environment)\n"
        }
        return text
    }
}
