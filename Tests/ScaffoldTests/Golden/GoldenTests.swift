import Foundation
import GoldenTesting
import Scaffold
import Testing

@Suite struct GoldenTests {
    @Test func everyTemplateHasAtLeastOnePreset() throws {
        let covered = Set(GoldenPreset.all().map(\.template))
        let templates = Set(try EmbeddedTemplates.catalog().templates.map(\.manifest.id))
        #expect(covered == templates)
    }

    @Test(arguments: GoldenPreset.all())
    func renderMatchesGoldenTree(preset: GoldenPreset) throws {
        try assertGolden(preset.render(), as: .tree(folder: preset.folder))
    }

    @Test(arguments: GoldenPreset.all())
    func renderLeavesNoMustacheMarkers(preset: GoldenPreset) throws {
        let template = try EmbeddedTemplates.catalog().template(id: preset.template)
        for file in try preset.render().files where file.path != PristineCopy.path {
            let source = template.files.first {
                template.manifest.rule(for: $0.key)?.render == false && $0.value == file.contents
            }
            guard source == nil else { continue }
            let text = String(decoding: file.contents, as: UTF8.self)
            #expect(!text.contains("{{") && !text.contains("}}"), "\(file.path) holds a leftover Mustache marker")
            #expect(!file.path.contains("{{"), "\(file.path) is an unrendered path")
        }
    }

    @Test(arguments: GoldenPreset.all())
    func renderingAgainFromTheAnswersFileGivesTheSameTree(preset: GoldenPreset) throws {
        let tree = try preset.render()
        let record = try JSONDecoder().decode(
            AnswersFile.self, from: #require(tree.file(at: AnswersFile.path)).contents)
        let template = try EmbeddedTemplates.catalog().template(id: record.template.id)
        let answers = try AnswerResolver(manifest: template.manifest)
            .resolve(given: record.givenValues, environment: [:], useDefaults: false)
        let again = try TemplateRenderer(template: template).render(name: ProjectName(record.name), answers: answers)
        #expect(again.files.filter { $0.class != .artifact } == tree.files.filter { $0.class != .artifact })
        #expect(again.files.map(\.path) == tree.files.map(\.path))
    }
}

@Suite struct GoldenVersionTests {
    func tree(version: String, title: String) throws -> RenderedTree {
        let base = Fixtures.manifest
        let manifest = TemplateManifest(
            id: base.id, title: base.title, description: base.description, version: version,
            variables: base.variables, files: base.files)
        let template = try Template(manifest: manifest, files: Fixtures.files)
        return try TemplateRenderer(template: template).render(
            name: ProjectName("my-app"), answers: Fixtures.answers(["owner": "ops", "title": title]))
    }

    @Test func reRecordingChangedOutputWithoutAVersionBumpFails() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let golden = GoldenStrategy<RenderedTree>.tree(folder: folder)
        #expect(throws: Never.self) {
            try assertGolden(tree(version: "1.0.0", title: "Hello"), as: golden, recording: true)
        }
        #expect(throws: Never.self, "same bytes: fine") {
            try assertGolden(tree(version: "1.0.0", title: "Hello"), as: golden, recording: true)
        }
        let unbumped = #expect(throws: GoldenMismatch.self) {
            try assertGolden(tree(version: "1.0.0", title: "Changed"), as: golden, recording: true)
        }
        #expect(unbumped?.description.contains("bump \"version\"") == true)
        #expect(unbumped?.description.contains("Re-record") == false, "recording is what was refused")
        #expect(throws: Never.self, "nothing was re-recorded") {
            try assertGolden(tree(version: "1.0.0", title: "Hello"), as: golden, recording: false)
        }
        #expect(throws: Never.self) {
            try assertGolden(tree(version: "1.1.0", title: "Changed"), as: golden, recording: true)
        }
    }

    @Test func theGoldenTreeLeavesThePristineCopyOutButItMatchesTheManagedFiles() throws {
        let tree = try Fixtures.tree()
        let copy = try JSONDecoder().decode(
            PristineCopy.self, from: #require(tree.file(at: PristineCopy.path)).contents)
        let record = try JSONDecoder().decode(
            AnswersFile.self, from: #require(tree.file(at: AnswersFile.path)).contents)
        let managed = tree.files.filter { $0.class == .managed && !$0.path.hasPrefix(".create-authhero/") }
        #expect(
            copy.verifiedFiles(hashes: record.files)
                == Dictionary(uniqueKeysWithValues: managed.map { ($0.path, $0.contents) }))
    }
}
