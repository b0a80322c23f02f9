import Foundation

/// One file of a rendered project, held in memory until the plan is written.
public struct RenderedFile: Sendable, Equatable {
    /// Slash-separated path relative to the project root.
    public let path: String
    public let contents: Data
    public let `class`: FileClass
    public let executable: Bool

    public init(path: String, contents: Data, class: FileClass, executable: Bool) {
        self.path = path
        self.contents = contents
        self.class = `class`
        self.executable = executable
    }
}
