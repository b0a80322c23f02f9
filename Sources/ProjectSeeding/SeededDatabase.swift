import AuthHeroCore
import AuthHeroSQLite
import Foundation
import GRDB
import Scaffold

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A freshly migrated and seeded control-plane database, as the bytes of one SQLite file.
enum SeededDatabase {
    /// Seeds into a new owner-only folder inside `directory` (rollback journal, so the file alone is the whole
    /// database) and returns its bytes.
    ///
    /// The database holds the administrator's password hash and the clients' secret hashes. The folder is made
    /// 0700 by `mkdtemp` and the file exists at 0600 before SQLite writes its first page; SQLite gives its
    /// journal the database file's mode.
    static func make(_ settings: ControlPlaneSeedSettings, in directory: URL) async throws -> (
        Data, ControlPlaneSeedResult
    ) {
        var template = Array(directory.appendingPathComponent("seed-XXXXXX").path.utf8CString)
        guard mkdtemp(&template) != nil else {
            throw ScaffoldError.fileSystem(
                path: directory.path, reason: "cannot make the seed's folder: \(String(cString: strerror(errno)))")
        }
        let folder = URL(fileURLWithPath: String(cString: template))
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("control-plane.sqlite")
        try NewFile.create(at: url, permissions: 0o600).close()
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        let queue = try DatabaseQueue(path: url.path, configuration: configuration)
        let storage = SQLiteStorage(writer: queue)
        try storage.migrate()
        let clock = SystemClock()
        let seed = try await ControlPlaneSeed(
            storage: storage, keys: SigningKeyService(storage: storage, clock: clock), clock: clock
        ).run(settings)
        try queue.close()
        return (try Data(contentsOf: url), seed)
    }
}
