import Foundation

/// The folder an Auth0 export was written to. Every file is read through it, and a path that leaves the folder (by
/// `..` or a symbolic link, e.g. an organization id naming another place) is refused: the folder comes from another
/// system and is not trusted.
struct Auth0ExportFolder {
    let root: URL

    /// Opens `path`, which must be an existing folder.
    init(path: String) throws(Auth0ExportError) {
        let url = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw Auth0ExportError(file: path, reason: "The export folder does not exist.")
        }
        root = url
    }

    /// The contents of `relative`, nil when it does not exist.
    func read(_ relative: String) throws(Auth0ExportError) -> Data? {
        let url = try resolve(relative)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw Auth0ExportError(file: relative, reason: "The file cannot be read: \(error.localizedDescription)")
        }
    }

    private func resolve(_ relative: String) throws(Auth0ExportError) -> URL {
        let url = root.appendingPathComponent(relative).standardizedFileURL.resolvingSymlinksInPath()
        guard url.path.hasPrefix(root.path + "/") else {
            throw Auth0ExportError(file: relative, reason: "The path leads outside the export folder.")
        }
        return url
    }
}
