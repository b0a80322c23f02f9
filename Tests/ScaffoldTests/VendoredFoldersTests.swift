import Foundation
import Scaffold
import Testing

@Suite struct VendoredFoldersTests {
    /// The template rendered as `create-authhero` renders it, vendored folders included.
    func generatedTree(template id: String, _ given: [String: String] = [:]) throws -> RenderedTree {
        let template = try EmbeddedTemplates.catalog().template(id: id)
        let answers = try AnswerResolver(manifest: template.manifest).resolve(
            given: given, environment: [:], useDefaults: true)
        return try TemplateRenderer(template: template)
            .render(
                name: ProjectName("my-saas-auth"), answers: answers,
                extra: VendoredFolders.files(for: template.manifest, answers: answers))
    }

    /// This repository's copy of `folder`, keyed by the path it has in a generated project.
    func repositoryFiles(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for (path, data) in try Repository.files(
            under: Repository.root.appendingPathComponent(folder), asEmbedded: true)
        {
            files["\(folder)/\(path)"] = data
        }
        return files
    }

    @Test(arguments: ["multi-tenant-control-plane", "single-tenant"])
    func generatedProjectsVendorTheRuntimePackageByteForByte(template: String) throws {
        let repository = try repositoryFiles("AuthHero")
        let vendored = try generatedTree(template: template).files.filter { $0.class == .vendored }
        #expect(Set(vendored.map(\.path)) == Set(repository.keys))
        #expect(repository["AuthHero/Package.swift"] != nil, "the manifest is vendored with the sources")
        for file in vendored {
            #expect(file.contents == repository[file.path], "\(file.path) differs from this repository's copy")
        }
    }

    @Test func aConditionalFolderIsVendoredByteForByteOnlyWhenItsConditionHolds() throws {
        let repository = try repositoryFiles("AuthHero").merging(try repositoryFiles("AuthHeroPostgres")) { a, _ in a }
        let postgres = try generatedTree(template: "multi-tenant-control-plane", ["database": "postgres"])
        let vendored = postgres.files.filter { $0.class == .vendored }
        #expect(Set(vendored.map(\.path)) == Set(repository.keys))
        for file in vendored {
            #expect(file.contents == repository[file.path], "\(file.path) differs from this repository's copy")
        }
        let sqlite = try generatedTree(template: "multi-tenant-control-plane", ["database": "sqlite"])
        #expect(!sqlite.files.contains { $0.path.hasPrefix("AuthHeroPostgres/") })
    }

    @Test func theAnswersFileHashesTheVendoredFilesSoUpdateCanTellEdits() throws {
        let tree = try generatedTree(template: "multi-tenant-control-plane", ["database": "postgres"])
        let record = try JSONDecoder().decode(
            AnswersFile.self, from: #require(tree.file(at: AnswersFile.path)).contents)
        for path in ["AuthHero/Package.swift", "AuthHeroPostgres/Package.swift"] {
            let file = try #require(tree.file(at: path))
            #expect(record.files[path] == AnswersFile.hash(file.contents))
        }
    }

    @Test func templatesThatVendorNothingGetNoVendoredFiles() throws {
        #expect(VendoredFolders.files(for: Fixtures.manifest, answers: Answers(values: [:])).isEmpty)
    }

    @Test func manifestsNameAVendoredFolderPlainlyOrWithACondition() throws {
        let manifest = try JSONDecoder().decode(
            TemplateManifest.self,
            from: Data(
                #"""
                {"id": "demo", "title": "Demo", "description": "d", "version": "1.0.0",
                 "vendored": ["Lib", {"folder": "Extra", "condition": "database == postgres"}]}
                """#.utf8))
        #expect(manifest.vendored == ["Lib", VendoredFolder(folder: "Extra", condition: "database == postgres")])
        #expect(manifest.vendored[1].applies(to: ["database": .string("postgres")]))
        #expect(!manifest.vendored[1].applies(to: ["database": .string("sqlite")]))
        #expect(!manifest.vendored[1].applies(to: [:]), "an absent answer vendors nothing conditional")
        let encoded = try JSONDecoder().decode(TemplateManifest.self, from: JSONEncoder().encode(manifest))
        #expect(encoded.vendored == manifest.vendored)
    }

    @Test func aVendoredFolderWhoseConditionNamesNoVariableIsRejected() {
        let manifest = Data(
            #"""
            {"id": "demo", "title": "Demo", "description": "d", "version": "1.0.0", "changelog": {"1.0.0": "First."},
             "vendored": [{"folder": "Extra", "condition": "database == postgres"}]}
            """#.utf8)
        #expect(
            throws: ScaffoldError.invalidManifest(
                template: "demo",
                reason: "vendored folder 'Extra' has a condition 'database == postgres' that names no variable")
        ) {
            try TemplateCatalog(files: ["demo/template.json": manifest])
        }
    }

    @Test func changingTheAnswerDeletesAFolderNoLongerVendoredAndNamesItsEditedFiles() throws {
        let template = try EmbeddedTemplates.catalog().template(id: "multi-tenant-control-plane")
        func answers(_ database: String) throws -> Answers {
            try AnswerResolver(manifest: template.manifest).resolve(
                given: ["database": database], environment: [:], useDefaults: true)
        }
        let directory = try temporaryDirectory().appendingPathComponent("app")
        let postgres = try answers("postgres")
        let tree = try TemplateRenderer(template: template).render(
            name: ProjectName("app"), answers: postgres,
            extra: VendoredFolders.files(for: template.manifest, answers: postgres))
        try ProjectWriter().write(RenderPlan(tree: tree, target: directory))

        let sqlite = try answers("sqlite")
        let plan = try UpdatePlanner(template: template).plan(
            GeneratedProject(directory: directory), answers: sqlite,
            extra: VendoredFolders.files(for: template.manifest, answers: sqlite))
        let dropped = plan.entries.filter { $0.path.hasPrefix("AuthHeroPostgres/") }
        #expect(!dropped.isEmpty)
        #expect(dropped.allSatisfy { $0.action == .delete }, "\(dropped.filter { $0.action != .delete })")
        #expect(plan.entries.first { $0.path == "AuthHero/Package.swift" }?.action == .unchanged)

        let edited = "AuthHeroPostgres/Package.swift"
        try Data("// edited\n".utf8).write(to: directory.appendingPathComponent(edited))
        #expect(throws: ScaffoldError.vendoredFilesModified(paths: [edited])) {
            try UpdatePlanner(template: template).plan(
                GeneratedProject(directory: directory), answers: sqlite,
                extra: VendoredFolders.files(for: template.manifest, answers: sqlite))
        }
    }
}
