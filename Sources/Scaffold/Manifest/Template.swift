import Foundation

/// A template ready to render: its manifest and the bytes of every file under its `files/` folder.
public struct Template: Sendable {
    /// What the template says about itself.
    public let manifest: TemplateManifest
    /// Source files keyed by their path relative to `files/`.
    public let files: [String: Data]

    /// Builds a template and checks that the manifest is consistent with itself and its files.
    public init(manifest: TemplateManifest, files: [String: Data]) throws(ScaffoldError) {
        self.manifest = manifest
        self.files = files
        try validate()
    }

    private func validate() throws(ScaffoldError) {
        func fail(_ reason: String) -> ScaffoldError { .invalidManifest(template: manifest.id, reason: reason) }
        guard TemplateVersion(manifest.version) != nil else {
            throw fail("version '\(manifest.version)' is not dotted numbers like 1.2.0")
        }
        guard manifest.changelog[manifest.version] != nil else {
            throw fail("the changelog has no line for version \(manifest.version)")
        }
        var seen = Set<String>()
        for variable in manifest.variables {
            guard ProjectName.reservedVariables.contains(variable.name) == false else {
                throw fail("variable '\(variable.name)' shadows a name the generator derives")
            }
            guard seen.insert(variable.name).inserted else {
                throw fail("variable '\(variable.name)' is declared twice")
            }
            if variable.type == .choice, (variable.choices ?? []).isEmpty {
                throw fail("choice variable '\(variable.name)' has no choices")
            }
            if let condition = variable.condition {
                guard let parsed = Condition(condition), seen.contains(parsed.variable),
                    parsed.variable != variable.name
                else {
                    throw fail(
                        "variable '\(variable.name)' has a condition '\(condition)' that does not name an earlier variable"
                    )
                }
            }
            if variable.generateWhenAbsent, variable.type != .secret || variable.required {
                throw fail("only optional secrets can be generated ('\(variable.name)')")
            }
            if variable.type == .secret, variable.default != nil {
                throw fail("secret '\(variable.name)' cannot have a default")
            }
            if let value = variable.default, case .invalid = AnswerParser.parse(value.description, for: variable) {
                throw fail("the default of '\(variable.name)' does not satisfy its own type or validation")
            }
        }
        for rule in manifest.files {
            if let condition = rule.condition {
                guard let parsed = Condition(condition), seen.contains(parsed.variable) else {
                    throw fail("file rule '\(rule.match)' has a condition '\(condition)' that names no variable")
                }
            }
        }
        for entry in manifest.vendored {
            if let condition = entry.condition {
                guard let parsed = Condition(condition), seen.contains(parsed.variable) else {
                    throw fail(
                        "vendored folder '\(entry.folder)' has a condition '\(condition)' that names no variable")
                }
            }
        }
        let secrets = manifest.variables.filter { $0.type == .secret }.map(\.name)
        for path in files.keys.sorted() {
            let data = files[path]!
            let rule = manifest.rule(for: path) ?? .defaults(for: path)
            guard rule.class != .artifact, rule.render, let text = String(data: data, encoding: .utf8) else { continue }
            if let secret = secrets.first(where: { Self.mentions(text + (rule.path ?? ""), variable: $0) }) {
                throw fail(
                    "'\(path)' is a \(rule.class.rawValue) file but uses secret '\(secret)'; only artifact files may")
            }
        }
    }

    /// Whether a Mustache tag names `variable` (`{{x}}`, `{{{x}}}`, `{{& x}}`, `{{#x}}`, `{{^x}}`).
    static func mentions(_ text: String, variable: String) -> Bool {
        text.range(
            of: "\\{\\{[{&#^]?\\s*" + NSRegularExpression.escapedPattern(for: variable) + "\\s*\\}",
            options: .regularExpression) != nil
    }
}
