import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The checks that keep every move, overwrite and rollback inside the project directory.
///
/// A journal is read back from a folder beside the project, and a project may hold symbolic links, so neither a
/// recorded path nor a path under the target can be trusted to stay inside it: a planted `../` or a link to
/// someone's home folder would turn a rollback or a `--force` overwrite into a write anywhere the user can write.
enum ProjectConfinement {
    /// Why `path` is not a plain path relative to a project (nil when it is): absolute, empty, or with an empty,
    /// `.` or `..` component.
    static func problem(withRelativePath path: String) -> String? {
        if path.hasPrefix("/") { return "'\(path)' is an absolute path, not one inside the project" }
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        if components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
            return "'\(path)' is not a plain path inside the project (it has an empty, '.' or '..' component)"
        }
        return nil
    }

    /// Why reaching `path` under `target` would leave the target through a symbolic link (nil when it would not).
    ///
    /// Every existing component is looked at without following links; a link is accepted only when what it
    /// finally resolves to is inside the target, so a dangling link is refused too (renaming over it would
    /// create whatever it names).
    static func problem(withLinksOf path: String, in target: URL) -> String? {
        guard let root = realPath(target.path) else { return nil }
        var current = target.path
        var relative = ""
        for component in path.split(separator: "/") {
            current += "/" + component
            relative += (relative.isEmpty ? "" : "/") + component
            var info = stat()
            guard lstat(current, &info) == 0 else { return nil }
            guard info.st_mode & S_IFMT == S_IFLNK else { continue }
            if let destination = realPath(current), destination == root || destination.hasPrefix(root + "/") {
                continue
            }
            let named = (try? FileManager.default.destinationOfSymbolicLink(atPath: current)) ?? "?"
            return "'\(relative)' is a symbolic link to '\(named)', outside the project"
        }
        return nil
    }

    /// The first of `paths` that is not plain or leaves `target` through a link, with why.
    static func firstProblem(in paths: [String], target: URL) -> String? {
        for path in paths {
            if let problem = problem(withRelativePath: path) ?? problem(withLinksOf: path, in: target) {
                return problem
            }
        }
        return nil
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
