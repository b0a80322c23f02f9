import Foundation

/// Executes a ``RenderPlan`` so that a failure, or a kill, never leaves a half-written project.
///
/// - An absent target is staged in a directory beside it and appears with one `rename`.
/// - An existing target gets its files moved in one by one under a ``WriteJournal``; an error
///   rolls the moves back, and a journal left by a killed run is rolled back by the next run
///   (``recoverInterruptedRuns(for:)``).
///
/// Guarantees cover process kills and errors. Foundation syncs each staged file as it writes it,
/// but the renames are not followed by a directory sync, so a power loss may still lose them.
public struct ProjectWriter: Sendable {
    /// Whether conflicting files are overwritten (`--force`). Files outside the plan are never touched.
    public let overwrite: Bool
    /// Test-only: a pause after each file, so tests can kill a run mid-write.
    public let pauseBetweenFiles: Double?
    /// Test-only: fail with a file-system error after this many moves into an existing directory.
    public let failAfterMoves: Int?

    public init(overwrite: Bool = false, pauseBetweenFiles: Double? = nil, failAfterMoves: Int? = nil) {
        self.overwrite = overwrite
        self.pauseBetweenFiles = pauseBetweenFiles
        self.failAfterMoves = failAfterMoves
    }

    /// Writes the plan, staging in `staging` when given (a folder ``makeStagingDirectory(for:)`` made for the
    /// plan's target), else in one it makes. Returns the entries written; the staging folder is gone either way.
    @discardableResult
    public func write(_ plan: RenderPlan, staging given: URL? = nil) throws(ScaffoldError) -> [RenderPlan.Entry] {
        if let blocked = plan.blocked.first {
            throw .invalidTarget(
                path: plan.target.appendingPathComponent(blocked.file.path).path,
                reason: "a directory or file is in the way of '\(blocked.file.path)'")
        }
        if plan.state == .nonEmpty && !overwrite {
            throw .targetNotEmpty(path: plan.target.path, conflicts: plan.conflicts.map(\.file.path))
        }
        let writes = plan.writes(overwrite: overwrite)
        let staging: URL
        if let given { staging = given } else { staging = try Self.makeStagingDirectory(for: plan.target) }
        defer { try? FileManager.default.removeItem(at: staging) }
        do {
            let tree = staging.appendingPathComponent("new")
            for entry in writes {
                try stage(entry.file, in: tree)
            }
            if plan.state == .absent {
                try move(tree, to: plan.target)
            } else {
                try moveIn(
                    writes.map { .init(path: $0.file.path, replacesExisting: $0.action == .conflict) },
                    from: staging, to: plan.target)
            }
        } catch let error as ScaffoldError {
            throw error
        } catch {
            throw .fileSystem(path: plan.target.path, reason: error.localizedDescription)
        }
        return writes
    }

    /// What a run found beside its target, left by an earlier run that is no longer running.
    public struct InterruptedRun: Sendable, Equatable {
        /// What became of it.
        public enum Outcome: Sendable, Equatable {
            /// Its moves were undone and its staging folder removed.
            case rolledBack
            /// It was left untouched, for `reason`: nothing proves this user's run for this target left it.
            case ignored(reason: String)
        }

        /// The staging folder.
        public let staging: URL
        public let outcome: Outcome

        public init(staging: URL, outcome: Outcome) {
            self.staging = staging
            self.outcome = outcome
        }
    }

    /// Rolls back and removes what killed runs left beside `target`, and reports the staging folders found.
    ///
    /// The parent folder may be shared, so a staging folder is trusted only when it is a real folder of this
    /// user, and its journal only when it is for this very target and every path in it stays inside the target:
    /// a planted journal would otherwise delete or overwrite files anywhere this user can write.
    @discardableResult
    public static func recoverInterruptedRuns(for target: URL) -> [InterruptedRun] {
        let parent = target.deletingLastPathComponent()
        let prefix = stagingPrefix(for: target)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        var found: [InterruptedRun] = []
        for entry in entries.sorted() where entry.hasPrefix(prefix) {
            guard let pid = Int32(entry.dropFirst(prefix.count)), pid != getpid(), !isRunning(pid) else { continue }
            let staging = parent.appendingPathComponent(entry)
            if let reason = untrusted(staging: staging, for: target) {
                found.append(InterruptedRun(staging: staging, outcome: .ignored(reason: reason)))
                continue
            }
            WriteJournal.load(from: staging)?.rollBack(staging: staging)
            try? FileManager.default.removeItem(at: staging)
            found.append(InterruptedRun(staging: staging, outcome: .rolledBack))
        }
        return found
    }

    /// Why the staging folder `staging` cannot be rolled back for `target` (nil when it can).
    private static func untrusted(staging: URL, for target: URL) -> String? {
        var info = stat()
        guard lstat(staging.path, &info) == 0 else { return "it cannot be read: \(String(cString: strerror(errno)))" }
        if info.st_mode & S_IFMT == S_IFLNK {
            return "it is a symbolic link, not a folder a run of create-authhero made"
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { return "it is not a folder" }
        guard info.st_uid == getuid() else { return "it belongs to user id \(info.st_uid), not to you" }
        let journalPath = staging.appendingPathComponent(WriteJournal.fileName).path
        guard FileManager.default.fileExists(atPath: journalPath) else { return nil }
        guard let journal = WriteJournal.load(from: staging) else { return "its journal cannot be read" }
        return journal.problem(for: target)
    }

    /// Makes the folder beside `target` where this run stages files (its parents too): owner-only, so what is
    /// staged there (secrets included) is never readable by others, and refused when it exists already.
    public static func makeStagingDirectory(for target: URL) throws(ScaffoldError) -> URL {
        let staging = stagingDirectory(for: target, pid: getpid())
        do {
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw .fileSystem(path: target.deletingLastPathComponent().path, reason: error.localizedDescription)
        }
        guard mkdir(staging.path, 0o700) == 0 else {
            throw .fileSystem(
                path: staging.path,
                reason: "cannot make the staging folder: \(String(cString: strerror(errno))); if no other "
                    + "create-authhero is running, remove it and run again")
        }
        return staging
    }

    static func stagingPrefix(for target: URL) -> String {
        "." + target.lastPathComponent + ".create-authhero-"
    }

    static func stagingDirectory(for target: URL, pid: Int32) -> URL {
        target.deletingLastPathComponent().appendingPathComponent(stagingPrefix(for: target) + String(pid))
    }

    private static func isRunning(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    func stage(_ file: RenderedFile, in root: URL) throws {
        let url = root.appendingPathComponent(file.path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try NewFile.write(file.contents, to: url, permissions: file.permissions)
        pause()
    }

    func moveIn(_ moves: [WriteJournal.Move], from staging: URL, to target: URL) throws {
        let manager = FileManager.default
        // `--force` and `update` write into a folder the user owns and may have filled with links: a link out of
        // the project would make a rename land, or an original be set aside, outside it.
        if let problem = ProjectConfinement.firstProblem(in: moves.map(\.path), target: target) {
            throw ScaffoldError.invalidTarget(
                path: target.path,
                reason: problem + "; nothing was written. Replace the link with a real file or folder, "
                    + "or remove it, then run again")
        }
        var created: [String] = []
        for move in moves where !move.removes {
            var relative = ""
            for component in move.path.split(separator: "/").dropLast() {
                relative += relative.isEmpty ? String(component) : "/" + String(component)
                if !created.contains(relative),
                    !manager.fileExists(atPath: target.appendingPathComponent(relative).path)
                {
                    created.append(relative)
                }
            }
        }
        let journal = WriteJournal(target: target.path, moves: moves, createdDirectories: created)
        try journal.save(in: staging)
        do {
            for directory in created {
                try manager.createDirectory(
                    at: target.appendingPathComponent(directory), withIntermediateDirectories: false)
            }
            for (index, move) in journal.moves.enumerated() {
                if let failAfterMoves, index == failAfterMoves {
                    throw ScaffoldError.fileSystem(
                        path: target.appendingPathComponent(move.path).path, reason: "injected failure")
                }
                let destination = target.appendingPathComponent(move.path)
                if move.replacesExisting || move.removes {
                    let backup = staging.appendingPathComponent("backup").appendingPathComponent(move.path)
                    try manager.createDirectory(
                        at: backup.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try self.move(destination, to: backup)
                }
                if !move.removes {
                    try self.move(
                        staging.appendingPathComponent("new").appendingPathComponent(move.path), to: destination)
                }
                pause()
            }
        } catch {
            journal.rollBack(staging: staging)
            throw error
        }
    }

    func move(_ source: URL, to destination: URL) throws {
        guard Foundation.rename(source.path, destination.path) == 0 else {
            throw ScaffoldError.fileSystem(path: destination.path, reason: String(cString: strerror(errno)))
        }
    }

    func pause() {
        if let pauseBetweenFiles { Thread.sleep(forTimeInterval: pauseBetweenFiles) }
    }
}
