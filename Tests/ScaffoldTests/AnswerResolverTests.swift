import Scaffold
import Testing

@Suite struct AnswerResolverTests {
    let resolver = AnswerResolver(manifest: Fixtures.manifest)

    @Test func everyProblemIsListedAtOnce() {
        let error = #expect(throws: ScaffoldError.self) {
            try resolver.resolve(
                given: ["port": "99999", "flavour": "spicy", "colour": "red"], environment: [:], useDefaults: false)
        }
        guard case .answerProblems(let problems)? = error else {
            Issue.record("expected answer problems, got \(String(describing: error))")
            return
        }
        let byName = Dictionary(problems.map { ($0.variable, $0.kind) }, uniquingKeysWith: { first, _ in first })
        #expect(byName["colour"] == .unknown)
        #expect(byName["owner"] == .missing)
        #expect(byName["title"] == .missing)
        #expect(byName["port"] == .invalid(value: "99999", expected: "a port"))
        #expect(byName["flavour"] == .invalid(value: "spicy", expected: "one of plain, fancy"))
    }

    @Test func yesTakesDefaultsButNeverInventsRequiredValues() throws {
        #expect(throws: ScaffoldError.answerProblems([AnswerProblem(variable: "owner", kind: .missing)])) {
            try resolver.resolve(given: [:], environment: [:], useDefaults: true)
        }
        let answers = try resolver.resolve(given: ["owner": "ops"], environment: [:], useDefaults: true)
        #expect(answers.values["port"] == .int(3000))
        #expect(answers.values["image"] == nil, "a variable whose condition is false is absent")
        #expect(answers.secrets.isEmpty)
    }

    @Test func conditionalVariablesApplyWhenTheirConditionHolds() throws {
        let answers = try resolver.resolve(
            given: ["owner": "ops", "docker": "yes"], environment: [:], useDefaults: true)
        #expect(answers.values["image"] == .string("swift"))
    }

    @Test func secretsComeFromTheEnvironmentAndStayApart() throws {
        let answers = try resolver.resolve(
            given: ["owner": "ops"], environment: ["CREATE_AUTHHERO_TOKEN": "s3cret", "CREATE_AUTHHERO_OWNER": "env"],
            useDefaults: true)
        #expect(answers.secrets == ["token": "s3cret"])
        #expect(answers.values["token"] == nil)
        #expect(answers.values["owner"] == .string("ops"), "only secrets are read from the environment")
    }

    @Test func invalidSecretsAreReportedWithoutTheirValue() {
        let manifest = TemplateManifest(
            id: "t", title: "T", description: "d", version: "1",
            variables: [
                TemplateVariable(
                    name: "key", type: .secret, description: "Key",
                    validation: .init(pattern: "[a-z]{8,}", min: nil, max: nil, message: "8+ letters"))
            ])
        #expect(
            throws: ScaffoldError.answerProblems([
                AnswerProblem(variable: "key", kind: .invalid(value: "(hidden)", expected: "8+ letters"))
            ])
        ) {
            try AnswerResolver(manifest: manifest).resolve(given: ["key": "short"], environment: [:], useDefaults: true)
        }
    }

    @Test func valuesCannotSmuggleNewlines() {
        #expect(AnswerParser.parse("a\nb", for: Fixtures.manifest.variables[5]) == .invalid(expected: "a single line"))
    }

    @Test func askedValuesAreUsedInManifestOrder() throws {
        var asked: [String] = []
        let answers = try resolver.resolve(given: ["title": "Given"], environment: [:], useDefaults: false) {
            variable in
            asked.append(variable.name)
            return variable.name == "owner" ? .string("typed") : nil
        }
        #expect(asked == ["port", "flavour", "docker", "owner", "token"])
        #expect(answers.values["title"] == .string("Given"))
        #expect(answers.values["owner"] == .string("typed"))
        #expect(answers.values["port"] == .int(3000))
    }
}
