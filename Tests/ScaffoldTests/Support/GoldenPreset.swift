import Foundation
import Scaffold
import Testing

/// A golden preset, `Tests/Golden/<template>/<preset>.preset.json`: fixed inputs for one render.
struct GoldenPreset: Decodable, CustomTestStringConvertible {
    /// The project name the preset renders with.
    let name: String
    /// Answers as given on a command line; everything else takes its default.
    let answers: [String: AnswerValue]
    /// Secrets given explicitly (others may be generated and are masked).
    let secrets: [String: String]?

    var template = ""
    var preset = ""

    private enum CodingKeys: String, CodingKey { case name, answers, secrets }

    static let root = Repository.root.appendingPathComponent("Tests/Golden")

    /// Every preset of every template, sorted.
    static func all() -> [GoldenPreset] {
        let manager = FileManager.default
        let templates = ((try? manager.contentsOfDirectory(atPath: root.path)) ?? []).sorted()
        return templates.flatMap { template in
            let folder = root.appendingPathComponent(template)
            return ((try? manager.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
                .filter { $0.hasSuffix(".preset.json") }
                .compactMap { file -> GoldenPreset? in
                    guard let data = manager.contents(atPath: folder.appendingPathComponent(file).path),
                        var preset = try? JSONDecoder().decode(GoldenPreset.self, from: data)
                    else { return nil }
                    preset.template = template
                    preset.preset = String(file.dropLast(".preset.json".count))
                    return preset
                }
        }
    }

    var folder: URL { Self.root.appendingPathComponent(template).appendingPathComponent(preset) }

    var testDescription: String { "\(template)/\(preset)" }

    /// Renders the preset with the embedded template, as the shipped binary would.
    func render() throws -> RenderedTree {
        let template = try EmbeddedTemplates.catalog().template(id: self.template)
        var environment: [String: String] = [:]
        for (key, value) in secrets ?? [:] {
            environment[template.manifest.variable(named: key)?.environmentName ?? key] = value
        }
        let answers = try AnswerResolver(manifest: template.manifest)
            .resolve(given: self.answers.mapValues(\.description), environment: environment, useDefaults: true)
        return try TemplateRenderer(template: template).render(name: ProjectName(name), answers: answers)
    }
}
