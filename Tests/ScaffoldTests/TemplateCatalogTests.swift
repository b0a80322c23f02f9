import Foundation
import Scaffold
import Testing

@Suite struct TemplateCatalogTests {
    let manifest = Data(
        #"{"id": "demo", "title": "Demo", "description": "d", "version": "1.0.0", "changelog": {"1.0.0": "First."}}"#
            .utf8)

    @Test func groupsFilesIntoTemplatesSortedById() throws {
        let catalog = try TemplateCatalog(files: [
            "demo/template.json": manifest,
            "demo/files/README.md": Data("# {{name}}\n".utf8),
            "alpha/template.json": Data(
                #"{"id": "alpha", "title": "A", "description": "a", "version": "2", "changelog": {"2": "Second."}}"#
                    .utf8),
        ])
        #expect(catalog.templates.map(\.manifest.id) == ["alpha", "demo"])
        #expect(try catalog.template(id: "demo").files.keys.sorted() == ["README.md"])
    }

    @Test func unknownTemplatesListTheAvailableOnes() throws {
        let catalog = try TemplateCatalog(files: ["demo/template.json": manifest])
        #expect(throws: ScaffoldError.unknownTemplate(id: "nope", available: ["demo"])) {
            try catalog.template(id: "nope")
        }
    }

    @Test func aFolderWhoseManifestNamesAnotherIdIsRejected() {
        #expect(throws: ScaffoldError.self) { try TemplateCatalog(files: ["other/template.json": manifest]) }
        #expect(throws: ScaffoldError.self) { try TemplateCatalog(files: ["demo/files/x": Data()]) }
        #expect(throws: ScaffoldError.self) { try TemplateCatalog(files: ["demo/template.json": Data("{".utf8)]) }
    }

    @Test func aManifestWithoutAChangelogLineForItsVersionIsRejected() {
        let unlogged = Data(
            #"{"id": "demo", "title": "Demo", "description": "d", "version": "1.1.0", "changelog": {"1.0.0": "First."}}"#
                .utf8)
        #expect(
            throws: ScaffoldError.invalidManifest(
                template: "demo", reason: "the changelog has no line for version 1.1.0")
        ) {
            try TemplateCatalog(files: ["demo/template.json": unlogged])
        }
        let unversioned = Data(
            #"{"id": "demo", "title": "Demo", "description": "d", "version": "one", "changelog": {"one": "x"}}"#.utf8)
        #expect(throws: ScaffoldError.self) { try TemplateCatalog(files: ["demo/template.json": unversioned]) }
    }

    @Test func theShippedTemplatesAreValid() throws {
        let catalog = try EmbeddedTemplates.catalog()
        let controlPlane = try catalog.template(id: "multi-tenant-control-plane").manifest
        #expect(controlPlane.variable(named: "admin_email")?.default == .string("admin@example.com"))
        #expect(controlPlane.variable(named: "admin_password")?.type == .secret)
        #expect(controlPlane.variable(named: "admin_password")?.required == false)
        #expect(controlPlane.variable(named: "port")?.default == .int(3000))
        #expect(controlPlane.rule(for: "web/org-cache.js")?.render == false, "the web module is copied byte for byte")
    }
}
