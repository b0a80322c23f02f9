import Foundation

/// A project on disk that the generator wrote: its answers file, its pristine copy, and access to
/// its current files. What `update`, `check` and `diff` start from.
public struct GeneratedProject: Sendable {
    /// The project directory, absolute.
    public let directory: URL
    /// What was recorded at the last generation or update.
    public let record: AnswersFile
    /// The pristine bytes of managed files, verified against the record's hashes; empty for a
    /// project from a generator that kept no copy.
    public let pristine: [String: Data]
    /// Paths of the vendored files last generated.
    public let vendored: Set<String>
    /// Whether a pristine copy was found at all.
    public let hasPristineCopy: Bool

    /// Opens the project at `directory`.
    /// - Throws: ``ScaffoldError/notAGeneratedProject(path:)`` without an answers file,
    ///   ``ScaffoldError/invalidAnswersFile(path:reason:)`` when it does not decode.
    public init(directory: URL) throws(ScaffoldError) {
        self.directory = directory
        let answersURL = directory.appendingPathComponent(AnswersFile.path)
        guard FileManager.default.fileExists(atPath: answersURL.path) else {
            throw .notAGeneratedProject(path: directory.path)
        }
        record = try AnswersFile.read(from: answersURL)
        let copy = PristineCopy.read(in: directory)
        hasPristineCopy = copy != nil
        // The record is read from disk and so is untrusted: a path that leaves the project must
        // never become something an update deletes or reads.
        pristine = (copy?.verifiedFiles(hashes: record.files) ?? [:]).filter { Self.isInsideProject($0.key) }
        vendored = Set((copy?.vendored ?? []).filter(Self.isInsideProject))
    }

    /// Whether `path` is a plain relative path below the project, outside `.create-authhero/`.
    static func isInsideProject(_ path: String) -> Bool {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        return !path.hasPrefix("/") && !path.hasPrefix(".create-authhero/")
            && !components.contains { $0.isEmpty || $0 == "." || $0 == ".." }
    }

    /// Whether the file at `path` differs from the bytes recorded at the last generation (a
    /// deleted file counts as edited).
    public func isEdited(_ path: String) -> Bool {
        contents(of: path).map(AnswersFile.hash) != record.files[path]
    }

    /// The bytes of the project file at `path` (relative), or nil when it does not exist or is not
    /// a regular file.
    public func contents(of path: String) -> Data? {
        let url = directory.appendingPathComponent(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return nil
        }
        return FileManager.default.contents(atPath: url.path)
    }
}
