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

    /// Writes the plan. Returns the entries written.
    @discardableResult
    public func write(_ plan: RenderPlan) throws(ScaffoldError) -> [RenderPlan.Entry] {
        if let blocked = plan.blocked.first {
            throw .invalidTarget(
                path: plan.target.appendingPathComponent(blocked.file.path).path,
                reason: "a directory or file is in the way of '\(blocked.file.path)'")
        }
        if plan.state == .nonEmpty && !overwrite {
            throw .targetNotEmpty(path: plan.target.path, conflicts: plan.conflicts.map(\.file.path))
        }
        let writes = plan.writes(overwrite: overwrite)
        let staging = Self.stagingDirectory(for: plan.target, pid: getpid())
        defer { try? FileManager.default.removeItem(at: staging) }
        do {
            try FileManager.default.createDirectory(
                at: plan.target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
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

    /// Rolls back and removes what killed runs left beside `target`; returns the staging
    /// directories cleaned up.
    @discardableResult
    public static func recoverInterruptedRuns(for target: URL) -> [URL] {
        let parent = target.deletingLastPathComponent()
        let prefix = stagingPrefix(for: target)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        var cleaned: [URL] = []
        for entry in entries.sorted() where entry.hasPrefix(prefix) {
            guard let pid = Int32(entry.dropFirst(prefix.count)), pid != getpid(), !isRunning(pid) else { continue }
            let staging = parent.appendingPathComponent(entry)
            WriteJournal.load(from: staging)?.rollBack(staging: staging)
            try? FileManager.default.removeItem(at: staging)
            cleaned.append(staging)
        }
        return cleaned
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
        try file.contents.write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: file.permissions], ofItemAtPath: url.path)
        pause()
    }

    func moveIn(_ moves: [WriteJournal.Move], from staging: URL, to target: URL) throws {
        let manager = FileManager.default
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
