import Foundation

/// What writing a rendered tree to a target would do, file by file, computed before anything is
/// written. Dry runs print it; the writer executes it.
public struct RenderPlan: Sendable, Equatable {
    /// What happens to one file.
    public enum Action: String, Codable, Sendable {
        /// The file does not exist yet.
        case create
        /// The file exists with the same bytes and mode; it is left alone.
        case identical
        /// The file exists and differs; only `--force` overwrites it.
        case conflict
        /// A directory (or a file where a directory is needed) is in the way; never overwritten.
        case blocked
    }

    /// One planned file.
    public struct Entry: Sendable, Equatable {
        /// The rendered file.
        public let file: RenderedFile
        /// What writing it would do.
        public let action: Action
    }

    /// The directory the plan writes into.
    public let target: URL
    /// How the target looked when the plan was made.
    public let state: TargetState
    /// One entry per rendered file, sorted by path.
    public let entries: [Entry]

    /// Compares `tree` with what is on disk at `target`.
    public init(tree: RenderedTree, target: URL) throws(ScaffoldError) {
        self.target = target
        state = try TargetState.of(target)
        let state = self.state
        entries = tree.files.map { file in
            Entry(file: file, action: state == .absent ? .create : Self.action(for: file, in: target))
        }
    }

    /// Entries that would overwrite something.
    public var conflicts: [Entry] { entries.filter { $0.action == .conflict } }

    /// Entries that cannot be written at all.
    public var blocked: [Entry] { entries.filter { $0.action == .blocked } }

    /// Entries the writer must put on disk (creations, plus conflicts when overwriting).
    public func writes(overwrite: Bool) -> [Entry] {
        entries.filter { $0.action == .create || (overwrite && $0.action == .conflict) }
    }

    private static func action(for file: RenderedFile, in target: URL) -> Action {
        let manager = FileManager.default
        var url = target
        for component in file.path.split(separator: "/").dropLast() {
            url.appendPathComponent(String(component))
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return .blocked
            }
        }
        let destination = target.appendingPathComponent(file.path)
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: destination.path, isDirectory: &isDirectory) else { return .create }
        if isDirectory.boolValue { return .blocked }
        guard let existing = manager.contents(atPath: destination.path) else { return .conflict }
        let executable = manager.isExecutableFile(atPath: destination.path)
        return existing == file.contents && executable == file.executable ? .identical : .conflict
    }
}
