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
            #expect(try await tenantSchemas(owner) == ["shop-1"])
            #expect(try await server.schemasBehind() == [])
            try await server.deleteTenant("shop-1")
            #expect(try await tenantSchemas(owner) == [])
            #expect(try await server.tenant("shop-1") == nil)
        }
    }

    @Test func aFailedRunResumesWhereItStoppedAndTheServerSeesWhoIsBehind() async throws {
        try await PostgresFixture.withStorages(.schemaPerTenant) { server, owner in
            for id in ["a", "b", "c"] { try await server.createTenant(tenant(id)) }
            // The next release: one more migration.
            let prefix = try #require(try await tenantSchemaPrefix(owner))
            let nextOwner = PostgresStorage(
                client: owner.client, layout: .schemaPerTenant, schema: owner.schema, tenantSchemaPrefix: prefix,
                migrations: Self.withOneMore)
            let nextServer = PostgresStorage(
                client: server.client, layout: .schemaPerTenant, schema: server.schema, tenantSchemaPrefix: prefix,
                migrations: Self.withOneMore)
            let everySchema = [owner.schema] + ["a", "b", "c"].map { prefix + $0 }
            #expect(try await nextServer.schemasBehind().map(\.schema) == everySchema)

            // Tenant b's schema makes the run stop there, as a run killed part-way would.
            try await owner.client.query("CREATE TABLE \(unescaped: "\"\(prefix)b\"").extra (value integer)")
            await #expect(throws: (any Error).self) { try await nextOwner.migrate(parallelism: 1) }
            let behind = [SchemaLag(schema: prefix + "b", behind: 1), SchemaLag(schema: prefix + "c", behind: 1)]
            #expect(try await nextServer.schemasBehind() == behind)
            let refusal = await #expect(throws: SchemasBehind.self) { try await nextServer.requireCurrentSchemas() }
            #expect(refusal?.description.contains("\(prefix)b (1 behind), \(prefix)c (1 behind)") == true)

            try await owner.client.query("DROP TABLE \(unescaped: "\"\(prefix)b\"").extra")
            let progress = NIOLockedValueBox<[String: Int]>([:])
            let applied = try await nextOwner.migrate(parallelism: 2) { step in
                progress.withLockedValue { $0[step.schema] = step.applied }
            }
            #expect(applied == 2)
            #expect(
                progress.withLockedValue { $0 } == [owner.schema: 0, prefix + "a": 0, prefix + "b": 1, prefix + "c": 1])
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

    /// The ids of the tenants with a schema, read from the catalog (the prefix is the fixture's own).
    func tenantSchemas(_ storage: PostgresStorage) async throws -> [String] {
        guard let prefix = try await tenantSchemaPrefix(storage) else { return [] }
        let query: PostgresQuery = """
            SELECT substr(nspname::text, \(prefix.count + 1)::integer) FROM pg_namespace
            WHERE starts_with(nspname, \(prefix)) ORDER BY nspname
            """
        var ids: [String] = []
        for try await id in try await storage.client.query(query).decode(String.self) { ids.append(id) }
        return ids
    }

    /// The fixture names tenant schemas `t<unique>_` after its registry schema `contract_<unique>`.
    func tenantSchemaPrefix(_ storage: PostgresStorage) async throws -> String? {
        storage.schema.hasPrefix("contract_") ? "t" + storage.schema.dropFirst("contract_".count) + "_" : nil
    }
}

@Suite struct TenantSchemaRepairTests {
    @Test func repairRecreatesAMissingSchemaAsPendingAndDropsOrphans() async throws {
        try await PostgresFixture.withStorages(.schemaPerTenant) { server, owner in
            for id in ["a", "b"] {
                try await server.createTenant(Tenant(id: id, friendlyName: id, createdAt: StorageKind.now))
                var ready = try #require(try await server.tenant(id))
                ready.provisioningState = .ready
                try await server.updateTenant(ready)
            }
            let prefix = "t" + owner.schema.dropFirst("contract_".count) + "_"
            try await owner.client.query("DROP SCHEMA \(unescaped: "\"\(prefix)a\"") CASCADE")
            // A schema left behind by a tenant deleted half-way, made as the server's role like every tenant schema.
            try await server.client.query("CREATE SCHEMA \(unescaped: "\"\(prefix)gone\"")")

            #expect(try await server.repairTenantDatabases() == ["a"])
            #expect(try await server.tenant("a")?.provisioningState == .pending)
            #expect(try await server.tenant("b")?.provisioningState == .ready)
            let client = Client(tenantID: "a", id: "app", name: "App", appType: .spa, secretHash: nil, createdAt: .now)
            try await server.createClient(client, tenantID: "a")
            #expect(try await server.repairTenantDatabases() == ["a"], "still pending until provisioning finishes")
            let schemas = try await owner.client.query(
                "SELECT count(*)::bigint FROM pg_namespace WHERE nspname = \(prefix + "gone")")
            for try await count in schemas.decode(Int.self) { #expect(count == 0) }
        }
    }
}
