import Foundation
import Scaffold
import Testing

@Suite struct TemplateCatalogTests {
    let manifest = Data(#"{"id": "demo", "title": "Demo", "description": "d", "version": "1.0.0"}"#.utf8)

    @Test func groupsFilesIntoTemplatesSortedById() throws {
        let catalog = try TemplateCatalog(files: [
            "demo/template.json": manifest,
            "demo/files/README.md": Data("# {{name}}\n".utf8),
            "alpha/template.json": Data(#"{"id": "alpha", "title": "A", "description": "a", "version": "2"}"#.utf8),
        ])
        #expect(catalog.templates.map(\.manifest.id) == ["alpha", "demo"])
        #expect(try catalog.template(id: "demo").files.keys.sorted() == ["README.md"])
    }

    @Test func unknownTemplatesListTheAvailableOnes() throws {
        let catalog = try TemplateCatalog(files: ["demo/template.json": manifest])
        #expect(throws: ScaffoldError.unknownTemplate(id: "nope", available: ["demo"])) { try catalog.template(id: "nope") }
    }

    @Test func aFolderWhoseManifestNamesAnotherIdIsRejected() {
        #expect(throws: ScaffoldError.self) { try TemplateCatalog(files: ["other/template.json": manifest]) }
        #expect(throws: ScaffoldError.self) { try TemplateCatalog(files: ["demo/files/x": Data()]) }
        #expect(throws: ScaffoldError.self) { try TemplateCatalog(files: ["demo/template.json": Data("{".utf8)]) }
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
