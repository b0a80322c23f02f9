import Foundation
import Scaffold
import Testing

@Suite struct EmbeddedResourcesTests {
    @Test func embeddedTemplatesEqualTheTemplatesFolder() throws {
        let onDisk = try Repository.files(under: Repository.root.appendingPathComponent("Templates"))
        #expect(!onDisk.isEmpty)
        #expect(Set(EmbeddedTemplates.files.keys) == Set(onDisk.keys))
        for (path, data) in onDisk {
            #expect(EmbeddedTemplates.files[path] == data, "\(path) differs from its embedded copy")
        }
    }

    @Test func embeddedRuntimeEqualsTheRuntimeSources() throws {
        var onDisk: [String: Data] = [:]
        for module in ["AuthHeroCore", "AuthHeroSQLite", "AuthHeroVerify", "AuthHeroServer"] {
            let folder = Repository.root.appendingPathComponent("Sources").appendingPathComponent(module)
            for (path, data) in try Repository.files(under: folder) { onDisk[module + "/" + path] = data }
        }
        #expect(!onDisk.isEmpty)
        #expect(Set(EmbeddedRuntime.files.keys) == Set(onDisk.keys))
        for (path, data) in onDisk {
            #expect(EmbeddedRuntime.files[path] == data, "\(path) differs from its embedded copy")
        }
    }

    @Test func runtimeEmbedsNoDevelopmentServer() {
        #expect(!EmbeddedRuntime.files.keys.contains { $0.hasPrefix("AuthHeroDev/") })
    }
}
