import AuthHeroCore
import AuthHeroSQLite
import GRDB
import Testing

@Suite struct MigrationTests {
    @Test func migratedFileUsesWriteAheadLogging() async throws {
        let database = try await TemporaryStorage()
        let mode = try await database.storage.registry.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test func migratingTwiceIsHarmless() async throws {
        let database = try await TemporaryStorage()
        try database.storage.migrate()
        let reopened = try SQLiteStorage.open(path: database.path)
        try reopened.migrate()
        #expect(try await reopened.tenants().map(\.id) == ["a", "b"])
    }

    @Test func everyTableOfTheDataModelExists() async throws {
        let database = try await TemporaryStorage()
        let tables = try await database.storage.registry.read { db in
            try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        let expected: Set<String> = [
            "tenants", "custom_domains", "signing_keys", "clients", "client_grants", "connections", "users",
            "organizations", "organization_members", "roles", "role_permissions", "user_roles", "resource_servers",
            "authorization_codes", "refresh_tokens", "sessions", "audit_log",
        ]
        #expect(expected.isSubset(of: tables))
    }
}
