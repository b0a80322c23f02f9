import AuthHeroCore
import AuthHeroPostgres
import Foundation
import Logging
import NIOConcurrencyHelpers
import PostgresNIO
import Testing

@Suite struct PostgresMigrationTests {
    /// The real migrations plus one more, which fails in a schema that already has its table.
    static let withOneMore =
        PostgresMigrations.all + [
            PostgresMigration(
                version: PostgresMigrations.currentVersion + 1, name: "test_extra",
                statements: ["CREATE TABLE extra (value integer)"])
        ]

    func tenant(_ id: String) -> Tenant { Tenant(id: id, friendlyName: id, createdAt: StorageKind.now) }

    @Test func migratingAgainAppliesNothingAndRecordsTheCurrentVersion() async throws {
        try await PostgresFixture.withStorages { server, owner in
            let applied = try await owner.migrate()
            #expect(applied == 0)
            #expect(try await server.schemaVersion() == PostgresMigrations.currentVersion)
            #expect(try await server.schemasBehind() == [])
        }
    }

    @Test func provisioningCreatesAMigratedSchemaAndDeletingDropsIt() async throws {
        try await PostgresFixture.withStorages(.schemaPerTenant) { server, owner in
            try await server.createTenant(tenant("shop-1"))
            #expect(try await schemas(owner) == ["authhero", "tenant_shop-1"])
            #expect(try await server.schemasBehind() == [])
            try await server.deleteTenant("shop-1")
            #expect(try await schemas(owner) == ["authhero"])
            #expect(try await server.tenant("shop-1") == nil)
        }
    }

    @Test func aFailedRunResumesWhereItStoppedAndTheServerSeesWhoIsBehind() async throws {
        try await PostgresFixture.withStorages(.schemaPerTenant) { server, owner in
            for id in ["a", "b", "c"] { try await server.createTenant(tenant(id)) }
            // The next release: one more migration.
            let nextOwner = PostgresStorage(
                client: owner.client, layout: .schemaPerTenant, schema: owner.schema, migrations: Self.withOneMore)
            let nextServer = PostgresStorage(
                client: server.client, layout: .schemaPerTenant, schema: server.schema, migrations: Self.withOneMore)
            #expect(
                try await nextServer.schemasBehind().map(\.schema) == ["authhero", "tenant_a", "tenant_b", "tenant_c"])

            // Tenant b's schema makes the run stop there, as a run killed part-way would.
            try await owner.client.query("CREATE TABLE \"tenant_b\".extra (value integer)")
            await #expect(throws: (any Error).self) { try await nextOwner.migrate(parallelism: 1) }
            let behind = [SchemaLag(schema: "tenant_b", behind: 1), SchemaLag(schema: "tenant_c", behind: 1)]
            #expect(try await nextServer.schemasBehind() == behind)
            let refusal = await #expect(throws: SchemasBehind.self) { try await nextServer.requireCurrentSchemas() }
            #expect(refusal?.description.contains("tenant_b (1 behind), tenant_c (1 behind)") == true)

            try await owner.client.query("DROP TABLE \"tenant_b\".extra")
            let progress = NIOLockedValueBox<[String: Int]>([:])
            let applied = try await nextOwner.migrate(parallelism: 2) { step in
                progress.withLockedValue { $0[step.schema] = step.applied }
            }
            #expect(applied == 2)
            #expect(progress.withLockedValue { $0 } == ["authhero": 0, "tenant_a": 0, "tenant_b": 1, "tenant_c": 1])
            #expect(try await nextServer.schemasBehind() == [])
        }
    }

    @Test func noForeignKeyCrossesSchemas() async throws {
        try await PostgresFixture.withStorages(.schemaPerTenant) { server, owner in
            for id in ["a", "b"] { try await server.createTenant(tenant(id)) }
            let query: PostgresQuery = """
                SELECT c.conname::text FROM pg_constraint c
                JOIN pg_class source ON source.oid = c.conrelid JOIN pg_class target ON target.oid = c.confrelid
                WHERE c.contype = 'f' AND source.relnamespace <> target.relnamespace
                """
            var crossing: [String] = []
            for try await name in try await owner.client.query(query).decode(String.self) { crossing.append(name) }
            #expect(crossing == [])
            var foreignKeys = 0
            for try await _ in try await owner.client.query("SELECT 1 FROM pg_constraint WHERE contype = 'f'") {
                foreignKeys += 1
            }
            #expect(foreignKeys > 20)
        }
    }

    func schemas(_ storage: PostgresStorage) async throws -> [String] {
        let query: PostgresQuery = """
            SELECT nspname::text FROM pg_namespace
            WHERE nspname = 'authhero' OR nspname LIKE 'tenant\\_%' ORDER BY nspname
            """
        var names: [String] = []
        for try await name in try await storage.client.query(query).decode(String.self) { names.append(name) }
        return names
    }
}
