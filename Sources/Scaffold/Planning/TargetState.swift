import Foundation

/// What the target directory looks like before writing; decides how the plan is written.
public enum TargetState: String, Codable, Sendable {
    /// Nothing exists at the path: the project is staged beside it and moved in with one rename.
    case absent
    /// The directory exists and is empty, or holds only `.git`: files are moved in with a journal.
    case empty
    /// The directory holds other files: refused unless overwriting is allowed.
    case nonEmpty = "non-empty"

    /// Inspects `directory`.
    /// - Throws: ``ScaffoldError/invalidTarget(path:reason:)`` if a non-directory is in the way.
    public static func of(_ directory: URL) throws(ScaffoldError) -> TargetState {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) else { return .absent }
        guard isDirectory.boolValue else {
            throw .invalidTarget(path: directory.path, reason: "it exists and is not a directory")
        }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw .invalidTarget(path: directory.path, reason: "it cannot be read (\(error.localizedDescription))")
        }
        return entries.allSatisfy { $0 == ".git" } ? .empty : .nonEmpty
    }
}
