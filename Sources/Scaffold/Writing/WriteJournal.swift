import Foundation

/// The record that makes moving files into an existing directory undoable.
///
/// It is written (atomically) before the first file is moved, lists every move, and lives in the
/// staging directory beside the target. Whether each move happened is read back from the disk, so
/// a run killed at any point can be rolled back by the next one.
struct WriteJournal: Codable, Equatable {
    struct Move: Codable, Equatable {
        /// Path relative to the target.
        let path: String
        /// Whether an existing file is set aside first (`--force` over a conflict, an update).
        let replacesExisting: Bool
        /// Whether the file is only set aside, with nothing moved in (a file an update deletes).
        let removes: Bool

        init(path: String, replacesExisting: Bool, removes: Bool = false) {
            self.path = path
            self.replacesExisting = replacesExisting
            self.removes = removes
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            path = try container.decode(String.self, forKey: .path)
            replacesExisting = try container.decode(Bool.self, forKey: .replacesExisting)
            removes = try container.decodeIfPresent(Bool.self, forKey: .removes) ?? false
        }
    }

    /// The target directory, absolute.
    let target: String
    let moves: [Move]
    /// Directories (relative, parents first) that did not exist and are created by the moves.
    let createdDirectories: [String]

    static let fileName = "journal.json"

    func save(in staging: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(self).write(to: staging.appendingPathComponent(Self.fileName), options: .atomic)
    }

    static func load(from staging: URL) -> WriteJournal? {
        guard let data = FileManager.default.contents(atPath: staging.appendingPathComponent(fileName).path) else {
            return nil
        }
        return try? JSONDecoder().decode(WriteJournal.self, from: data)
    }

    /// Why this journal must not be rolled back for `target` (nil when it may): it was recorded for another
    /// target, or one of its paths is not a plain path inside the target or leaves it through a link.
    func problem(for target: URL) -> String? {
        let recorded = URL(fileURLWithPath: self.target)
        guard
            recorded.standardizedFileURL.path == target.standardizedFileURL.path
                || recorded.resolvingSymlinksInPath().path == target.resolvingSymlinksInPath().path
        else {
            return "its journal is for '\(self.target)', not for '\(target.path)'"
        }
        return ProjectConfinement.firstProblem(in: moves.map(\.path) + createdDirectories, target: target)
    }

    /// Undoes whatever part of the moves happened: removes moved-in files, restores set-aside
    /// originals (re-creating a folder a removal emptied), and removes the directories the moves
    /// created (when empty).
    func rollBack(staging: URL) {
        let manager = FileManager.default
        let targetURL = URL(fileURLWithPath: target)
        for move in moves.reversed() {
            let destination = targetURL.appendingPathComponent(move.path)
            let staged = staging.appendingPathComponent("new").appendingPathComponent(move.path)
            let backup = staging.appendingPathComponent("backup").appendingPathComponent(move.path)
            // A removal never stages bytes: only its set-aside original, if moved yet, comes back.
            if !move.removes, !manager.fileExists(atPath: staged.path) {
                try? manager.removeItem(at: destination)
            }
            if manager.fileExists(atPath: backup.path) {
                try? manager.createDirectory(
                    at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                Foundation.rename(backup.path, destination.path)
            }
        }
        for directory in createdDirectories.reversed() {
            rmdir(targetURL.appendingPathComponent(directory).path)
        }
    }
}
