import AuthHeroCore
import AuthHeroSQLite
import Foundation
import GRDB

/// A freshly migrated and seeded control-plane database, as the bytes of one SQLite file.
enum SeededDatabase {
    /// Seeds into a temporary file (rollback journal, so the file alone is the whole database) and returns its bytes.
    static func make(_ settings: ControlPlaneSeedSettings) async throws -> (Data, ControlPlaneSeedResult) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "create-authhero-seed-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("control-plane.sqlite").path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        let storage = SQLiteStorage(writer: queue)
        try storage.migrate()
        let clock = SystemClock()
        let seed = try await ControlPlaneSeed(
            storage: storage, keys: SigningKeyService(storage: storage, clock: clock), clock: clock
        ).run(settings)
        try queue.close()
        return (try Data(contentsOf: URL(fileURLWithPath: path)), seed)
    }
}
