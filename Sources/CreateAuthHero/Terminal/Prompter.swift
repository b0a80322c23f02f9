import Foundation
import Scaffold

/// Asks the interactive questions: directory, template, then each variable in manifest order.
///
/// Every question shows the flag that answers it, so a user learns the non-interactive form.
/// End of input is an error, never an endless loop.
struct Prompter {
    struct InputEnded: Error {}

    /// Asks until the answer is a usable target; returns it with the path as typed.
    func askDirectory(workingDirectory: URL, name: String?) throws -> (path: String, target: ProjectTarget) {
        while true {
            let answer = try ask("Project directory (the positional DIR argument)", default: nil, hidden: false)
            do {
                return (answer, try ProjectTarget(path: answer, name: name, workingDirectory: workingDirectory))
            } catch {
                Terminal.write("  \(error)\n")
            }
        }
    }

    func askTemplate(in catalog: TemplateCatalog) throws -> Template {
        let items = catalog.templates.map { "\($0.manifest.id): \($0.manifest.description)" }
        if ArrowMenu.supported {
            let titles = catalog.templates.map { "\($0.manifest.id): \($0.manifest.title)" }
            let index = try ArrowMenu(items: titles, details: items).choose(
                prompt: "? Template (↑/↓ or its number, then Enter; --template ID)")
            return catalog.templates[index]
        }
        Terminal.write("Templates:\n")
        for (index, item) in items.enumerated() { Terminal.write("  \(index + 1)) \(item)\n") }
        while true {
            let answer = try ask("Template number or id (--template ID)", default: nil, hidden: false)
            if let number = Int(answer), catalog.templates.indices.contains(number - 1) {
                return catalog.templates[number - 1]
            }
            if let template = try? catalog.template(id: answer) { return template }
            Terminal.write("  type a number from 1 to \(catalog.templates.count), or a template id\n")
        }
    }

    /// Asks for one variable until the answer parses; nil means "take the default" or "skip".
    func askVariable(_ variable: TemplateVariable) throws -> AnswerValue? {
        if variable.type == .choice, let choices = variable.choices {
            for (index, choice) in choices.enumerated() { Terminal.write("  \(index + 1)) \(choice)\n") }
        }
        var hint = "--set \(variable.name)=\(variable.placeholder)"
        if variable.type == .secret { hint += " or \(variable.environmentName)" }
        let optional = !variable.required || variable.default != nil
        while true {
            var question = "\(variable.description) (\(hint))"
            if variable.generateWhenAbsent { question += ", empty to generate one" }
            let answer = try ask(question, default: variable.default?.description, hidden: variable.type == .secret)
            if answer.isEmpty {
                if optional { return nil }
                Terminal.write("  a value is required\n")
                continue
            }
            var text = answer
            if variable.type == .choice, let number = Int(answer), let choices = variable.choices,
                choices.indices.contains(number - 1)
            {
                text = choices[number - 1]
            }
            switch AnswerParser.parse(text, for: variable) {
            case .valid(let value): return value
            case .invalid(let expected): Terminal.write("  expected \(expected)\n")
            }
        }
    }

    private func ask(_ question: String, default value: String?, hidden: Bool) throws -> String {
        let prompt = "? \(question)" + (value.map { " [\($0)]" } ?? "") + ": "
        guard let line = Terminal.readLine(prompt: prompt, hidden: hidden) else { throw InputEnded() }
        return line.trimmingCharacters(in: .whitespaces)
    }
}
