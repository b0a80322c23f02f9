import Foundation
import Scaffold
import Testing

@Suite struct VendoredRuntimeTests {
    static let modules = ["AuthHeroCore", "AuthHeroSQLite", "AuthHeroVerify", "AuthHeroServer"]

    /// The control-plane template rendered as `create-authhero` renders it, vendored runtime included.
    func generatedTree(template id: String) throws -> RenderedTree {
        let template = try EmbeddedTemplates.catalog().template(id: id)
        let answers = try AnswerResolver(manifest: template.manifest).resolve(given: [:], environment: [:], useDefaults: true)
        return try TemplateRenderer(template: template)
            .render(name: ProjectName("my-saas-auth"), answers: answers, extra: VendoredRuntime.files(for: template.manifest))
    }

    @Test(arguments: ["multi-tenant-control-plane", "single-tenant"])
    func generatedProjectsVendorTheRuntimeByteForByte(template: String) throws {
        var repository: [String: Data] = [:]
        for module in Self.modules {
            let folder = Repository.root.appendingPathComponent("Sources").appendingPathComponent(module)
            for (path, data) in try Repository.files(under: folder) { repository["AuthHero/Sources/\(module)/\(path)"] = data }
        }
        let vendored = try generatedTree(template: template).files.filter { $0.path.hasPrefix("AuthHero/Sources/") }
        #expect(Set(vendored.map(\.path)) == Set(repository.keys))
        for file in vendored {
            #expect(file.contents == repository[file.path], "\(file.path) differs from this repository's copy")
            #expect(file.class == .vendored)
        }
    }

    @Test func theVendoredPackageUsesTheGeneratorsDependencyVersions() throws {
        let rootManifest = try String(contentsOf: Repository.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let rootLines = Set(rootManifest.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        for line in VendoredRuntime.dependencies {
            #expect(rootLines.contains(line), "\(line) is not a dependency of this repository's Package.swift")
        }
        let manifest = String(decoding: try #require(VendoredRuntime.files().first { $0.path == "AuthHero/Package.swift" }).contents, as: UTF8.self)
        for module in Self.modules {
            #expect(manifest.contains(#".library(name: "\#(module)", targets: ["\#(module)"])"#))
        }
    }

    @Test func theAnswersFileHashesTheVendoredFilesSoUpdateCanTellEdits() throws {
        let tree = try generatedTree(template: "multi-tenant-control-plane")
        let record = try JSONDecoder().decode(AnswersFile.self, from: #require(tree.file(at: AnswersFile.path)).contents)
        let package = try #require(tree.file(at: "AuthHero/Package.swift"))
        #expect(record.files["AuthHero/Package.swift"] == AnswersFile.hash(package.contents))
    }

    @Test func templatesWithoutTheFlagVendorNothing() throws {
        #expect(VendoredRuntime.files(for: Fixtures.manifest).isEmpty)
    }
}
