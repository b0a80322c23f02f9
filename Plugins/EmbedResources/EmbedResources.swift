import Foundation
import PackagePlugin

/// Embeds `Templates/` and every folder a template vendors into the `Scaffold` module as generated Swift, so that
/// `create-authhero` works from any directory and after its binary is copied elsewhere.
///
/// A template names the folders of this repository it copies byte for byte into generated projects in its
/// manifest's `vendored` list; this plugin reads those lists, so the build and the engine share one rule and
/// neither names a folder itself.
///
/// The folders are enumerated every time SwiftPM plans a build, and every file is declared as an input, so an
/// edited, added or removed file regenerates the embedded catalog.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let tool = try context.tool(named: "EmbedResourcesTool").url
        let output = context.pluginWorkDirectoryURL
        let templates = root.appending(path: "Templates")
        let vendored = try Self.vendoredFolders(templates: templates)

        let templatesOutput = output.appending(path: "EmbeddedTemplates+Data.swift")
        let vendoredOutput = output.appending(path: "EmbeddedVendoredFiles+Data.swift")
        return [
            .buildCommand(
                displayName: "Embedding Templates/",
                executable: tool,
                arguments: ["EmbeddedTemplates", templatesOutput.path(), templates.path()],
                inputFiles: Self.files(under: [templates]),
                outputFiles: [templatesOutput]
            ),
            .buildCommand(
                displayName: "Embedding vendored folders: \(vendored.joined(separator: ", "))",
                executable: tool,
                arguments: ["EmbeddedVendoredFiles", vendoredOutput.path(), root.path()] + vendored,
                inputFiles: Self.files(under: vendored.map { root.appending(path: $0) }),
                outputFiles: [vendoredOutput]
            ),
        ]
    }

    /// The union of every template manifest's `vendored` folders, sorted: each entry is a folder's name, or an
    /// object naming it under `folder` (with the condition the engine evaluates).
    static func vendoredFolders(templates: URL) throws -> [String] {
        let ids = try FileManager.default.contentsOfDirectory(atPath: templates.path())
        var folders = Set<String>()
        for id in ids {
            let manifest = templates.appending(path: id).appending(path: "template.json")
            guard let data = FileManager.default.contents(atPath: manifest.path()),
                let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            else { continue }
            for entry in object["vendored"] as? [Any] ?? [] {
                if let folder = entry as? String ?? (entry as? [String: Any])?["folder"] as? String {
                    folders.insert(folder)
                }
            }
        }
        return folders.sorted()
    }

    /// Every regular file below the given folders, outside hidden folders such as `.build`; missing folders
    /// contribute nothing.
    static func files(under roots: [URL]) -> [URL] {
        roots.flatMap { root -> [URL] in
            guard
                let walker = FileManager.default.enumerator(
                    at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
            else { return [] }
            return walker.compactMap { $0 as? URL }.filter {
                (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
                    && $0.lastPathComponent != "Package.resolved"
            }
        }
    }
}
