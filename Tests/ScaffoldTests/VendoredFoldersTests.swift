import Foundation
import Scaffold
import Testing

@Suite struct VendoredFoldersTests {
    /// The template rendered as `create-authhero` renders it, vendored folders included.
    func generatedTree(template id: String) throws -> RenderedTree {
        let template = try EmbeddedTemplates.catalog().template(id: id)
        let answers = try AnswerResolver(manifest: template.manifest).resolve(
            given: [:], environment: [:], useDefaults: true)
        return try TemplateRenderer(template: template)
            .render(
                name: ProjectName("my-saas-auth"), answers: answers,
                extra: VendoredFolders.files(for: template.manifest))
    }

    @Test(arguments: ["multi-tenant-control-plane", "single-tenant"])
    func generatedProjectsVendorTheRuntimePackageByteForByte(template: String) throws {
        var repository: [String: Data] = [:]
        for (path, data) in try Repository.files(
            under: Repository.root.appendingPathComponent("AuthHero"), asEmbedded: true)
        {
            repository["AuthHero/\(path)"] = data
        }
        let vendored = try generatedTree(template: template).files.filter { $0.class == .vendored }
        #expect(Set(vendored.map(\.path)) == Set(repository.keys))
        #expect(repository["AuthHero/Package.swift"] != nil, "the manifest is vendored with the sources")
        for file in vendored {
            #expect(file.contents == repository[file.path], "\(file.path) differs from this repository's copy")
        }
    }

    @Test func theAnswersFileHashesTheVendoredFilesSoUpdateCanTellEdits() throws {
        let tree = try generatedTree(template: "multi-tenant-control-plane")
        let record = try JSONDecoder().decode(
            AnswersFile.self, from: #require(tree.file(at: AnswersFile.path)).contents)
        let package = try #require(tree.file(at: "AuthHero/Package.swift"))
        #expect(record.files["AuthHero/Package.swift"] == AnswersFile.hash(package.contents))
    }

    @Test func templatesThatVendorNothingGetNoVendoredFiles() throws {
        #expect(VendoredFolders.files(for: Fixtures.manifest).isEmpty)
    }
}
