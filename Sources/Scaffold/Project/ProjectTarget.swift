import Foundation

/// Where a project is generated: the directory path given on the command line, resolved against
/// the working directory, and the project name taken from its last component (or `--name`).
public struct ProjectTarget: Sendable, Equatable {
    /// The absolute, normalized target directory.
    public let directory: URL
    /// The validated project name.
    public let name: ProjectName

    /// Validates `path` and the project name.
    ///
    /// A `..` component is refused anywhere in the path, even where it would resolve inside the
    /// working directory: a generator should never be steered out of the place the user named.
    public init(path: String, name: String? = nil, workingDirectory: URL) throws(ScaffoldError) {
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        guard !path.isEmpty, !components.isEmpty || name != nil else {
            throw .invalidTarget(path: path, reason: "give a directory such as my-saas-auth")
        }
        if components.contains("..") {
            throw .invalidTarget(path: path, reason: "a '..' component is not allowed; give a path without '..'")
        }
        let base = path.hasPrefix("/") ? URL(fileURLWithPath: "/") : workingDirectory
        let directory = components.filter { $0 != "." }.reduce(base) { $0.appendingPathComponent(String($1)) }
            .standardizedFileURL
        self.directory = directory
        self.name = try ProjectName(name ?? directory.lastPathComponent)
    }
}
