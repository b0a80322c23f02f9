import Foundation
import Scaffold
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Secrets are owner-only from the moment their file exists, not once it is written.
@Suite struct FileModeTests {
    func mode(_ url: URL) -> mode_t? {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return nil }
        return info.st_mode & 0o7777
    }

    @Test func aNewFileHasItsModeBeforeItsFirstByte() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent(".env")

        let handle = try NewFile.create(at: url, permissions: 0o600)
        #expect(mode(url) == 0o600)
        #expect(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int == 0)
        try handle.write(contentsOf: Data("SECRET=1\n".utf8))
        try handle.close()
        #expect(mode(url) == 0o600)
    }

    @Test func aNewFileIsNotCreatedThroughALink() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let elsewhere = folder.appendingPathComponent("elsewhere")
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent(".env").path, withDestinationPath: elsewhere.path)

        #expect(throws: ScaffoldError.self) {
            try NewFile.write(Data("SECRET=1\n".utf8), to: folder.appendingPathComponent(".env"), permissions: 0o600)
        }
        #expect(!FileManager.default.fileExists(atPath: elsewhere.path))
    }

    @Test func everyWrittenFileHasTheModeOfItsClass() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("app")
        try ProjectWriter().write(RenderPlan(tree: Fixtures.tree(), target: target))
        #expect(mode(target.appendingPathComponent(".env")) == 0o600)
        #expect(mode(target.appendingPathComponent("bin/run")) == 0o755)
        #expect(mode(target.appendingPathComponent("NOTES.md")) == 0o644)
    }
}
