import AuthHeroCore
import AuthHeroSQLite
import GRDB
import Testing

/// A tenant made by an older runtime gets this runtime's management scopes and offline access, and keeps what its
/// owner changed.
@Suite struct BuiltInManagementAPITests {
    @Test func anOlderManagementAPIIsBroughtUpToDate() async throws {
        let database = try await TemporaryStorage()
        var older = BuiltInManagementAPI.resourceServer(tenantID: "a")
        older.scopes = [ResourceServerScope(value: "read:users", description: "kept")]
        older.allowOfflineAccess = false
        older.tokenLifetime = 600
        try await database.storage.createResourceServer(older, tenantID: "a")

        try await BuiltInManagementAPI.ensureCurrent(in: database.storage, tenantID: "a")

        let current = try #require(
            try await database.storage.resourceServer(identifier: BuiltInManagementAPI.identifier, tenantID: "a"))
        #expect(Set(current.scopes.map(\.value)) == Set(BuiltInManagementAPI.scopes))
        #expect(current.scopes.first == ResourceServerScope(value: "read:users", description: "kept"))
        #expect(current.allowOfflineAccess)
        #expect(current.tokenLifetime == 600)
    }

    @Test func aMissingManagementAPIIsCreatedAndACurrentOneLeftAlone() async throws {
        let database = try await TemporaryStorage()
        try await BuiltInManagementAPI.ensureCurrent(in: database.storage, tenantID: "b")
        let created = try #require(
            try await database.storage.resourceServer(identifier: BuiltInManagementAPI.identifier, tenantID: "b"))
        #expect(created == BuiltInManagementAPI.resourceServer(tenantID: "b"))
        try await BuiltInManagementAPI.ensureCurrent(in: database.storage, tenantID: "b")
        #expect(try await database.storage.resourceServers(tenantID: "b") == [created])
    }

    @Test func migrationFourTurnsOfflineAccessOnForTheBuiltInAPIOnly() async throws {
        let queue = try DatabaseQueue()
        try SchemaMigrations.migrator.migrate(queue, upTo: "v3_user_name")
        try await queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO tenants (id, friendly_name, settings, provisioning_state, created_at, updated_at)
                    VALUES ('a', 'A', '{}', 'ready', '2026-01-01', '2026-01-01')
                    """)
            for (id, system) in [("rs_management", 1), ("rs_x", 0)] {
                try db.execute(
                    sql: """
                        INSERT INTO resource_servers (tenant_id, id, identifier, name, scopes, enforce_policies,
                            token_lifetime, signing_algorithm, metadata, is_system)
                        VALUES ('a', ?, ?, ?, '[]', 1, 600, 'RS256', '{}', ?)
                        """, arguments: [id, "urn:\(id)", id, system])
            }
        }
        try SchemaMigrations.migrator.migrate(queue)
        let offline = try await queue.read { db in
            try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, allow_offline_access FROM resource_servers")
                    .map { ($0["id"] as String, $0["allow_offline_access"] as Bool) })
        }
        #expect(offline == ["rs_management": true, "rs_x": false])
    }
}
