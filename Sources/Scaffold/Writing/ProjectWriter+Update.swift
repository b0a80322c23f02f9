import Foundation

extension ProjectWriter {
    /// Executes an ``UpdatePlan`` with the same guarantees as ``write(_:)`` into an existing
    /// directory: every new file is staged first, then moved in under a ``WriteJournal`` (replaced
    /// and deleted files are set aside, not removed), so an error rolls back, and so does the next
    /// run after a kill (``recoverInterruptedRuns(for:)``).
    public func apply(_ plan: UpdatePlan) throws(ScaffoldError) {
        guard !plan.isNoOp else { return }
        let manager = FileManager.default
        let staging = try Self.makeStagingDirectory(for: plan.target)
        defer { try? manager.removeItem(at: staging) }
        var moves: [WriteJournal.Move] = []
        do {
            for entry in plan.writes {
                let file = RenderedFile(
                    path: entry.path, contents: entry.contents!, class: .managed, executable: entry.executable)
                try stage(file, in: staging.appendingPathComponent("new"))
                moves.append(
                    .init(
                        path: entry.path,
                        replacesExisting: manager.fileExists(
                            atPath: plan.target.appendingPathComponent(entry.path).path)))
            }
            moves += plan.removals.map { .init(path: $0, replacesExisting: false, removes: true) }
            try moveIn(moves, from: staging, to: plan.target)
        } catch let error as ScaffoldError {
            throw error
        } catch {
            throw .fileSystem(path: plan.target.path, reason: error.localizedDescription)
        }
        // Folders a deletion or rename emptied go too; `rmdir` leaves any that still hold something.
        for path in plan.removals {
            var folder = (path as NSString).deletingLastPathComponent
            while !folder.isEmpty, rmdir(plan.target.appendingPathComponent(folder).path) == 0 {
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
    }
}
