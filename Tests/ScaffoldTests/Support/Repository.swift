import Foundation

/// Locations inside this repository, found from this source file's path.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every regular file below `folder`, keyed by its path relative to `folder`.
    ///
    /// With `asEmbedded`, only what the generator embeds: nothing in hidden folders (`.build`, `.swiftpm`) and no
    /// `Package.resolved`, which SwiftPM writes into a package built in place.
    static func files(under folder: URL, asEmbedded: Bool = false) throws -> [String: Data] {
        var found: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        guard
            let walker = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: [.isRegularFileKey],
                options: asEmbedded ? [.skipsHiddenFiles] : [])
        else { return [:] }
        for case let url as URL in walker
        where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true
            && !(asEmbedded && url.lastPathComponent == "Package.resolved")
        {
            found[String(url.standardizedFileURL.path.dropFirst(base.count + 1))] = try Data(contentsOf: url)
        }
        return found
    }
}

/// A fresh temporary directory, removed by the caller with `defer`.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("scaffold-tests-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
