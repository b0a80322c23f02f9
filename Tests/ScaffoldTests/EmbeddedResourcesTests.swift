import Foundation
import Scaffold
import Testing

@Suite struct EmbeddedResourcesTests {
    @Test func embeddedTemplatesEqualTheTemplatesFolder() throws {
        let onDisk = try Repository.files(under: Repository.root.appendingPathComponent("Templates"), asEmbedded: true)
        #expect(!onDisk.isEmpty)
        #expect(Set(EmbeddedTemplates.files.keys) == Set(onDisk.keys))
        for (path, data) in onDisk {
            #expect(EmbeddedTemplates.files[path] == data, "\(path) differs from its embedded copy")
        }
    }

    @Test func embeddedVendoredFilesEqualTheVendoredFolders() throws {
        var onDisk: [String: Data] = [:]
        for folder in ["AuthHero", "AuthHeroPostgres"] {
            for (path, data) in try Repository.files(
                under: Repository.root.appendingPathComponent(folder), asEmbedded: true)
            {
                onDisk[folder + "/" + path] = data
            }
        }
        #expect(onDisk["AuthHero/Package.swift"] != nil)
        #expect(Set(EmbeddedVendoredFiles.files.keys) == Set(onDisk.keys))
        for (path, data) in onDisk {
            #expect(EmbeddedVendoredFiles.files[path] == data, "\(path) differs from its embedded copy")
        }
    }

    @Test func everyFolderATemplateVendorsIsEmbedded() throws {
        for template in try EmbeddedTemplates.catalog().templates {
            for entry in template.manifest.vendored {
                #expect(
                    EmbeddedVendoredFiles.files.keys.contains { $0.hasPrefix(entry.folder + "/") }, "\(entry.folder)")
            }
        }
    }

    @Test func vendoredFilesHoldNoDevelopmentServerOrRuntimeTests() {
        #expect(!EmbeddedVendoredFiles.files.keys.contains { $0.contains("AuthHeroDev/") || $0.contains("Tests/") })
    }
}
