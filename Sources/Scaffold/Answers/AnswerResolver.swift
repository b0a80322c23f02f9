/// Resolves a template's variables, in manifest order, from everything a run can supply.
///
/// Precedence per variable: an explicit value (`--set` or answers file), then the environment
/// (secrets only: `CREATE_AUTHHERO_<NAME>`), then a question (interactive runs only), then the
/// default (`--yes` only). Whatever is still unanswered is reported; nothing falls back silently.
public struct AnswerResolver: Sendable {
    /// The template whose variables are resolved.
    public let manifest: TemplateManifest

    /// Creates a resolver for one template.
    public init(manifest: TemplateManifest) {
        self.manifest = manifest
    }

    /// Resolves every variable whose condition holds.
    ///
    /// - Parameters:
    ///   - given: raw values by variable name.
    ///   - environment: the process environment.
    ///   - useDefaults: take a variable's default when nothing else answers it (`--yes`).
    ///   - ask: asks the user for one variable; returns nil to take the default (or skip an optional
    ///     value). The caller re-asks until ``AnswerParser`` accepts. Nil in non-interactive runs.
    /// - Throws: ``ScaffoldError/answerProblems(_:)`` listing every problem at once.
    public func resolve(
        given: [String: String],
        environment: [String: String],
        useDefaults: Bool,
        ask: ((TemplateVariable) throws -> AnswerValue?)? = nil
    ) throws -> Answers {
        var problems: [AnswerProblem] = given.keys.sorted()
            .filter { manifest.variable(named: $0) == nil }
            .map { AnswerProblem(variable: $0, kind: .unknown) }
        var values: [String: AnswerValue] = [:]
        var secrets: [String: String] = [:]

        for variable in manifest.variables {
            if let condition = variable.condition.flatMap(Condition.init), !condition.holds(in: values) { continue }
            var value: AnswerValue?
            if let raw = given[variable.name]
                ?? (variable.type == .secret ? environment[variable.environmentName] : nil)
            {
                switch AnswerParser.parse(raw, for: variable) {
                case .valid(let parsed): value = parsed
                case .invalid(let expected):
                    let shown = variable.type == .secret ? "(hidden)" : raw
                    problems.append(
                        AnswerProblem(variable: variable.name, kind: .invalid(value: shown, expected: expected)))
                    continue
                }
            } else if let ask {
                value = try ask(variable) ?? variable.default
            } else if useDefaults {
                value = variable.default
            }
            switch (value, variable.type) {
            case (.some(.string(let secret)), .secret): secrets[variable.name] = secret
            case (.some(let answer), _): values[variable.name] = answer
            case (.none, _):
                if variable.required { problems.append(AnswerProblem(variable: variable.name, kind: .missing)) }
            }
        }
        guard problems.isEmpty else { throw ScaffoldError.answerProblems(problems) }
        return Answers(values: values, secrets: secrets)
    }
}
