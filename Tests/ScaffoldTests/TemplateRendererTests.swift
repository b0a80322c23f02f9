import Foundation
import Scaffold
import Testing

@Suite struct TemplateRendererTests {
    @Test func rendersPathsContentsRulesAndDerivedNames() throws {
        let tree = try Fixtures.tree()
        #expect(
            tree.files.map(\.path) == [
                ".create-authhero/answers.json", ".create-authhero/pristine.json", ".env", "NOTES.md",
                "Sources/MyApp/main.swift", "bin/run", "raw/view.mustache",
            ])
        #expect(
            tree.file(at: "Sources/MyApp/main.swift")?.contents == Data("print(\"Hello <ops> on 3000\")\n".utf8),
            "values are not HTML-escaped: generated code is not HTML")
        #expect(tree.file(at: "bin/run")?.executable == true)
        #expect(tree.file(at: "bin/run")?.contents == Data("#!/bin/sh\necho my_app\n".utf8))
        #expect(
            tree.file(at: "raw/view.mustache")?.contents == Fixtures.files["raw/view.mustache"],
            "render: false copies bytes")
        #expect(tree.file(at: "NOTES.md")?.contents == Data("flavour: plain\nend\n".utf8), "CRLF becomes LF")
        #expect(tree.file(at: "NOTES.md")?.class == .once)
        #expect(tree.file(at: "Dockerfile") == nil, "a file whose condition is false is not generated")
    }

    @Test func conditionalFilesAndSectionsFollowAnswers() throws {
        let tree = try Fixtures.tree(["owner": "ops", "docker": "true", "image": "swift:6"])
        #expect(tree.file(at: "Dockerfile")?.contents == Data("FROM swift:6\n".utf8))
        #expect(tree.file(at: "NOTES.md")?.contents == Data("docker: swift:6\nflavour: plain\nend\n".utf8))
    }

    @Test func eachChoiceIsASectionTrueForTheChosenValueOnly() throws {
        let manifest = TemplateManifest(
            id: "choices", title: "Choices", description: "d", version: "1.0.0",
            variables: [
                TemplateVariable(
                    name: "database", type: .choice, description: "Database", default: .string("sqlite"),
                    choices: ["sqlite", "postgres", "my-sql"])
            ])
        let template = try Template(
            manifest: manifest,
            files: [
                "deps": Data(
                    "core{{#database_postgres}} pg{{/database_postgres}}{{#database_my_sql}} my{{/database_my_sql}}\n"
                        .utf8)
            ])
        func deps(_ database: String) throws -> Data? {
            let answers = try AnswerResolver(manifest: manifest).resolve(
                given: ["database": database], environment: [:], useDefaults: true)
            return try TemplateRenderer(template: template).render(name: ProjectName("app"), answers: answers)
                .file(at: "deps")?.contents
        }
        #expect(try deps("sqlite") == Data("core\n".utf8))
        #expect(try deps("postgres") == Data("core pg\n".utf8))
        #expect(try deps("my-sql") == Data("core my\n".utf8))
    }

    @Test func generatedSecretsReachArtifactsOnly() throws {
        let tree = try Fixtures.tree()
        let token = try #require(tree.secrets["token"])
        #expect(token.count == 24)
        #expect(tree.file(at: ".env")?.contents == Data("TOKEN=\(token)\nPORT=3000\n".utf8))
        #expect(tree.file(at: ".env")?.class == .artifact)
        for file in tree.files where file.class != .artifact {
            #expect(!String(decoding: file.contents, as: UTF8.self).contains(token), "\(file.path) leaks the secret")
        }
        #expect(try Fixtures.tree().secrets["token"] != token, "a generated secret is random per run")
    }

    @Test func managedAndOnceOutputIsDeterministic() throws {
        let first = try Fixtures.tree().files.filter { $0.class != .artifact }
        let second = try Fixtures.tree().files.filter { $0.class != .artifact }
        #expect(first == second)
    }

    @Test func answersFileRecordsEverythingButSecrets() throws {
        let tree = try TemplateRenderer(template: Fixtures.template()).render(
            name: ProjectName("my-app"),
            answers: Answers(
                values: ["owner": .string("ops"), "title": .string("Hi")], secrets: ["token": "s3cret-value"]))
        let data = try #require(tree.file(at: AnswersFile.path)?.contents)
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("s3cret-value"))
        let record = try JSONDecoder().decode(AnswersFile.self, from: data)
        #expect(record.template.id == "fixture")
        #expect(record.template.version == "1.2.3")
        #expect(record.generatorVersion == GeneratorVersion.current)
        #expect(record.answers == ["owner": .string("ops"), "title": .string("Hi")])
        #expect(Set(record.files.keys) == ["NOTES.md", "Sources/MyApp/main.swift", "bin/run", "raw/view.mustache"])
        #expect(record.files.values.allSatisfy { $0.count == 64 })
        #expect(text.hasSuffix("}\n"))
    }

    @Test func aVariableCannotSteerAFileOutOfTheProject() throws {
        let manifest = TemplateManifest(
            id: "t", title: "T", description: "d", version: "1",
            variables: [TemplateVariable(name: "dir", type: .string, description: "Dir")])
        let template = try Template(manifest: manifest, files: ["{{dir}}/x.txt": Data("x".utf8)])
        for hostile in ["..", "../../etc", "/etc", "a//b", "."] {
            #expect(throws: ScaffoldError.self) {
                try TemplateRenderer(template: template).render(
                    name: ProjectName("app"), answers: Answers(values: ["dir": .string(hostile)]))
            }
        }
    }

    @Test func manifestsThatUseSecretsInHashedFilesAreRejected() {
        let manifest = TemplateManifest(
            id: "t", title: "T", description: "d", version: "1",
            variables: [TemplateVariable(name: "key", type: .secret, description: "Key")])
        #expect(throws: ScaffoldError.self) {
            try Template(manifest: manifest, files: ["config.swift": Data("let key = \"{{ key }}\"\n".utf8)])
        }
    }

    @Test func manifestsWithBrokenReferencesAreRejected() {
        let variable = TemplateVariable(name: "a", type: .string, description: "A", condition: "missing")
        #expect(throws: ScaffoldError.self) {
            try Template(
                manifest: TemplateManifest(id: "t", title: "T", description: "d", version: "1", variables: [variable]),
                files: [:])
        }
        let badDefault = TemplateVariable(
            name: "p", type: .int, description: "P", default: .int(0),
            validation: .init(pattern: nil, min: 1, max: 9, message: "1-9"))
        #expect(throws: ScaffoldError.self) {
            try Template(
                manifest: TemplateManifest(
                    id: "t", title: "T", description: "d", version: "1", variables: [badDefault]), files: [:])
        }
    }
}
