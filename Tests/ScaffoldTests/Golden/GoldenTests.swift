import Foundation
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
        let diff = try GoldenTree(folder: preset.folder).verify(preset.render())
        #expect(diff == nil, "\(diff ?? "")")
    }

    @Test(arguments: GoldenPreset.all())
    func renderLeavesNoMustacheMarkers(preset: GoldenPreset) throws {
        let template = try EmbeddedTemplates.catalog().template(id: preset.template)
        for file in try preset.render().files {
            let source = template.files.first { template.manifest.rule(for: $0.key)?.render == false && $0.value == file.contents }
            guard source == nil else { continue }
            let text = String(decoding: file.contents, as: UTF8.self)
            #expect(!text.contains("{{") && !text.contains("}}"), "\(file.path) holds a leftover Mustache marker")
            #expect(!file.path.contains("{{"), "\(file.path) is an unrendered path")
        }
    }

    @Test(arguments: GoldenPreset.all())
    func renderingAgainFromTheAnswersFileGivesTheSameTree(preset: GoldenPreset) throws {
        let tree = try preset.render()
        let record = try JSONDecoder().decode(AnswersFile.self, from: #require(tree.file(at: AnswersFile.path)).contents)
        let template = try EmbeddedTemplates.catalog().template(id: record.template.id)
        let answers = try AnswerResolver(manifest: template.manifest)
            .resolve(given: record.givenValues, environment: [:], useDefaults: false)
        let again = try TemplateRenderer(template: template).render(name: ProjectName(record.name), answers: answers)
        #expect(again.files.filter { $0.class != .artifact } == tree.files.filter { $0.class != .artifact })
        #expect(again.files.map(\.path) == tree.files.map(\.path))
    }
}
