import Foundation

/// A whole project rendered in memory, sorted by path: what planning, writing, dry runs and golden
/// tests all work from.
///
/// Artifacts produced by code rather than by a Mustache file (a seeded database, say) join the tree
/// through ``adding(_:)`` before it is planned.
public struct RenderedTree: Sendable, Equatable {
    /// Every file, sorted by path.
    public private(set) var files: [RenderedFile]
    /// Every secret value that went into `artifact` files, by variable name, given or generated;
    /// golden tests mask these to compare artifacts.
    public let secrets: [String: String]

    public init(files: [RenderedFile], secrets: [String: String] = [:]) {
        self.files = files.sorted { $0.path < $1.path }
        self.secrets = secrets
    }

    /// The tree with one more file (replacing a file at the same path).
    public func adding(_ file: RenderedFile) -> RenderedTree {
        RenderedTree(files: files.filter { $0.path != file.path } + [file], secrets: secrets)
    }

    /// The file at `path`, if any.
    public func file(at path: String) -> RenderedFile? {
        files.first { $0.path == path }
    }
}
