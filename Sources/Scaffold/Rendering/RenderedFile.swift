import Foundation

/// One file of a rendered project, held in memory until the plan is written.
public struct RenderedFile: Sendable, Equatable {
    /// Slash-separated path relative to the project root.
    public let path: String
    /// The bytes to write.
    public let contents: Data
    /// The update policy, from the matching file rule.
    public let `class`: FileClass
    /// Whether the file gets the executable bit.
    public let executable: Bool
    /// The path the file had in earlier template versions, from the rule's `renamed_from`.
    public let renamedFrom: String?

    public init(path: String, contents: Data, class: FileClass, executable: Bool, renamedFrom: String? = nil) {
        self.path = path
        self.contents = contents
        self.class = `class`
        self.executable = executable
        self.renamedFrom = renamedFrom
    }

    /// The mode written to disk. Artifacts are readable by their owner only: they hold secrets
    /// (`.env`) and run-time data (databases).
    public var permissions: Int {
        switch (self.class, executable) {
        case (.artifact, true): return 0o700
        case (.artifact, false): return 0o600
        case (_, true): return 0o755
        case (_, false): return 0o644
        }
    }
}
