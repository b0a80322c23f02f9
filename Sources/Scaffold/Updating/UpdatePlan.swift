import Foundation

/// What `update` would do to a project, file by file, computed in full before anything is written.
public struct UpdatePlan: Sendable {
    /// What happens to one file.
    public enum Action: String, Codable, Sendable {
        /// Nothing to do: the file already has the new template's bytes.
        case unchanged
        /// The user never edited it: the new template version replaces it.
        case replace
        /// The user edited it and the template did not change it: left as the user has it.
        case keep
        /// Both changed it without overlap: merged.
        case merge
        /// Both changed it with overlapping edits: written with conflict markers.
        case conflict
        /// New in the template.
        case create
        /// The user deleted it: it stays deleted.
        case stayDeleted = "stay-deleted"
        /// Removed from the template and never edited: deleted.
        case delete
        /// Removed from the template but edited by the user: kept, and reported.
        case keepRemoved = "keep-removed"
        /// Renamed in the template: moved from ``Entry/from`` (and merged).
        case rename
    }

    /// One planned file.
    public struct Entry: Sendable, Equatable {
        /// Path relative to the project.
        public let path: String
        /// What happens to it.
        public let action: Action
        /// The old path of a renamed file.
        public let from: String?
        /// The bytes to write, for actions that write.
        public let contents: Data?
        /// The executable bit of written bytes.
        public let executable: Bool
        /// Conflicting regions written with markers (0 unless ``action`` is `conflict`, or a
        /// `rename` whose merge conflicted).
        public let conflicts: Int
    }

    /// The project directory.
    public let target: URL
    /// The template version the project was at.
    public let fromVersion: String
    /// The template version it is brought to.
    public let toVersion: String
    /// Every managed and vendored file the update considered, sorted by path, plus the record
    /// files (answers file and pristine copy).
    public let entries: [Entry]
    /// Vendored files the user edited, replaced because the update was forced.
    public let modifiedVendoredFiles: [String]

    /// Entries that write bytes.
    public var writes: [Entry] { entries.filter { $0.contents != nil } }

    /// Paths that are removed (deleted, or the old side of a rename).
    public var removals: [String] {
        entries.compactMap { entry in
            switch entry.action {
            case .delete: return entry.path
            case .rename: return entry.from
            default: return nil
            }
        }
    }

    /// Entries whose bytes hold conflict markers.
    public var conflicted: [Entry] { entries.filter { $0.conflicts > 0 } }

    /// Total number of conflicting regions.
    public var conflictCount: Int { entries.reduce(0) { $0 + $1.conflicts } }

    /// Whether the update would write nothing at all.
    public var isNoOp: Bool { writes.isEmpty && removals.isEmpty }
}
