import Foundation
import Scaffold

/// The two-version `lifecycle` template under `Tests/Fixtures/lifecycle`, loaded through the same
/// catalog code as the embedded templates, and projects generated from it in temporary folders.
enum LifecycleFixture {
    static let root = Repository.root.appendingPathComponent("Tests/Fixtures/lifecycle")

    static func template(_ version: String) throws -> Template {
        try TemplateCatalog(folder: root.appendingPathComponent(version)).template(id: "lifecycle")
    }

    static func answers(_ template: Template, _ given: [String: String] = [:]) throws -> Answers {
        try AnswerResolver(manifest: template.manifest).resolve(given: given, environment: [:], useDefaults: true)
    }

    /// Generates the project `app` from v1 in a fresh folder; returns the project directory.
    static func generate(_ given: [String: String] = [:]) throws -> URL {
        let directory = try temporaryDirectory().appendingPathComponent("app")
        let v1 = try template("v1")
        let tree = try TemplateRenderer(template: v1).render(name: ProjectName("app"), answers: answers(v1, given))
        try ProjectWriter().write(RenderPlan(tree: tree, target: directory))
        return directory
    }

    /// Plans the update of the project at `directory` to `version`, recorded answers plus `given`.
    static func plan(_ directory: URL, to version: String, _ given: [String: String] = [:], force: Bool = false) throws
        -> UpdatePlan
    {
        let project = try GeneratedProject(directory: directory)
        let template = try template(version)
        let recorded = project.record.givenValues.filter { template.manifest.variable(named: $0.key) != nil }
        let answers = try answers(template, recorded.merging(given) { _, new in new })
        return try UpdatePlanner(template: template).plan(
            project, answers: answers, replacingEditedVendoredFiles: force)
    }

    static func read(_ directory: URL, _ path: String) -> String? {
        FileManager.default.contents(atPath: directory.appendingPathComponent(path).path).map {
            String(decoding: $0, as: UTF8.self)
        }
    }

    static func write(_ directory: URL, _ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: directory.appendingPathComponent(path))
    }

    /// Names in `folder`, hidden ones included.
    static func entries(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    /// Every file below `directory` with its bytes and executable bit.
    static func snapshot(_ directory: URL) throws -> [String: Data] {
        var found = try Repository.files(under: directory)
        for path in found.keys
        where FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent(path).path) {
            found[path]! += Data("+x".utf8)
        }
        return found
    }
}
