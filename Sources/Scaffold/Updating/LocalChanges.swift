import Foundation

/// The user's edits to a generated project's `managed` files, against the pristine copy, plus
/// edited vendored files (named only: their bytes are the generator's). Artifacts and `once` files
/// belong to the user and are never reported.
public struct LocalChanges: Sendable {
    /// One edited file.
    public struct Change: Sendable, Equatable {
        /// Path relative to the project.
        public let path: String
        /// The unified diff (`a/path` → `b/path`), or a one-line note for vendored files.
        public let diff: String
    }

    /// The changes, sorted by path.
    public let changes: [Change]

    /// Compares `project` with its pristine copy.
    /// - Throws: ``ScaffoldError/noPristineCopy(path:)`` for a project from a generator that kept none.
    public init(project: GeneratedProject) throws(ScaffoldError) {
        guard project.hasPristineCopy else { throw .noPristineCopy(path: project.directory.path) }
        var changes: [Change] = []
        for (path, base) in project.pristine.sorted(by: { $0.key < $1.key }) {
            let ours = project.contents(of: path)
            guard ours != base else { continue }
            let diff: String
            if let ours, String(data: ours, encoding: .utf8) == nil || String(data: base, encoding: .utf8) == nil {
                diff = "Binary files a/\(path) and b/\(path) differ\n"
            } else {
                diff = UnifiedDiff.text(
                    old: String(decoding: base, as: UTF8.self), new: ours.map { String(decoding: $0, as: UTF8.self) },
                    oldLabel: "a/" + path, newLabel: "b/" + path)
            }
            changes.append(Change(path: path, diff: diff))
        }
        for path in project.vendored.sorted() where project.isEdited(path) {
            changes.append(Change(path: path, diff: "Vendored file \(path) was edited (update replaces it)\n"))
        }
        self.changes = changes.sorted { $0.path < $1.path }
    }

    /// Whether nothing was edited.
    public var isEmpty: Bool { changes.isEmpty }

    /// Every change, one after the other.
    public var unifiedDiff: String { changes.map(\.diff).joined() }
}
