import Foundation

/// The files a template vendors: each folder its manifest lists under `vendored`, copied byte for byte from
/// ``EmbeddedVendoredFiles`` to the same path in the generated project.
///
/// These files are produced by code rather than by a template's Mustache files; they join a rendering through
/// `extra:` (``TemplateRenderer/render(name:answers:extra:)`` and
/// ``UpdatePlanner/plan(_:answers:extra:replacingEditedVendoredFiles:)``) so that generation and update see the
/// same tree.
public enum VendoredFolders {
    /// Every file of the template's vendored folders whose condition holds for `answers`, class `vendored`, sorted
    /// by path. A folder whose condition stops holding (an answer changed) is then absent from the tree, and
    /// `update` deletes its files as it deletes any file a template no longer renders.
    public static func files(for manifest: TemplateManifest, answers: Answers) -> [RenderedFile] {
        let folders = manifest.vendored.filter { $0.applies(to: answers.values) }.map(\.folder)
        return files(in: folders, from: EmbeddedVendoredFiles.files)
    }

    /// Every file of `folders` found in `embedded`, class `vendored`, sorted by path.
    static func files(in folders: [String], from embedded: [String: Data]) -> [RenderedFile] {
        let prefixes = folders.map { $0 + "/" }
        return embedded.keys.filter { path in prefixes.contains { path.hasPrefix($0) } }.sorted().map { path in
            RenderedFile(path: path, contents: embedded[path]!, class: .vendored, executable: false)
        }
    }
}
