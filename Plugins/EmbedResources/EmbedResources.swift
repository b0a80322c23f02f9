import Foundation
import PackagePlugin

/// Embeds `Templates/` and the runtime sources into the `Scaffold` module as generated Swift,
/// so that `create-authhero` works from any directory and after its binary is copied elsewhere.
///
/// The folders are enumerated every time SwiftPM plans a build, and every file is declared as an
/// input, so an edited, added or removed file regenerates the embedded catalog.
@main
struct EmbedResources: BuildToolPlugin {
    /// The runtime modules that generated projects vendor as `AuthHero/Sources/<module>/...`.
    static let runtimeModules = ["AuthHeroCore", "AuthHeroSQLite", "AuthHeroVerify", "AuthHeroServer"]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let tool = try context.tool(named: "EmbedResourcesTool").url
        let output = context.pluginWorkDirectoryURL
        let templates = root.appending(path: "Templates")
        let runtimeRoots = Self.runtimeModules.map { root.appending(path: "Sources").appending(path: $0) }

        let templatesOutput = output.appending(path: "EmbeddedTemplates+Data.swift")
        let runtimeOutput = output.appending(path: "EmbeddedRuntime+Data.swift")
        return [
            .buildCommand(
                displayName: "Embedding Templates/",
                executable: tool,
                arguments: ["EmbeddedTemplates", templatesOutput.path(), templates.path()],
                inputFiles: Self.files(under: [templates]),
                outputFiles: [templatesOutput]
            ),
            .buildCommand(
                displayName: "Embedding the runtime sources",
                executable: tool,
                arguments: ["EmbeddedRuntime", runtimeOutput.path(), root.appending(path: "Sources").path()]
                    + Self.runtimeModules,
                inputFiles: Self.files(under: runtimeRoots),
                outputFiles: [runtimeOutput]
            ),
        ]
    }

    /// Every regular file below the given folders; missing folders contribute nothing.
    static func files(under roots: [URL]) -> [URL] {
        roots.flatMap { root -> [URL] in
            guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
            else { return [] }
            return walker.compactMap { $0 as? URL }.filter {
                (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
            }
        }
    }
}
