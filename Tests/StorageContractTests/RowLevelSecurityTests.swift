import AuthHeroCore
import AuthHeroPostgres
import Foundation
import Logging
import PostgresNIO
import Testing

/// The PostgreSQL shared layout's defence in depth: a query that forgets its tenant, run as the server's role,
/// reaches no other tenant's rows.
@Suite struct RowLevelSecurityTests {
    let logger = Logger(label: "authhero.tests.rls")

    func client(_ tenantID: String, _ id: String) -> Client {
        Client(
            tenantID: tenantID, id: id, name: "App", appType: .machineToMachine, secretHash: nil,
            createdAt: StorageKind.now)
    }

    /// `SELECT tenant_id FROM clients`, with no tenant filter, as the server role, after setting `tenantSetting`
    /// (or nothing) for the transaction.
    func unfilteredClientTenants(_ storage: PostgresStorage, tenantSetting: String?) async throws -> [String] {
        let logger = logger
        return try await storage.client.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT set_config('search_path', \(storage.schema), true)", logger: logger)
            if let tenantSetting {
                try await connection.query(
                    "SELECT set_config('authhero.tenant_id', \(tenantSetting), true)", logger: logger)
            }
            var tenants: [String] = []
            for try await tenantID in try await connection.query("SELECT tenant_id FROM clients", logger: logger)
                .decode(String.self)
            {
                tenants.append(tenantID)
            }
            return tenants
        }
    }

    @Test func unfilteredQueryAsTheServerRoleSeesOnlyItsTransactionsTenant() async throws {
        try await PostgresFixture.withStorage { storage in
            for id in ["a", "b"] {
                try await storage.createTenant(Tenant(id: id, friendlyName: id, createdAt: StorageKind.now))
                try await storage.createClient(client(id, "app"), tenantID: id)
            }
            #expect(try await unfilteredClientTenants(storage, tenantSetting: "a") == ["a"])
            #expect(try await unfilteredClientTenants(storage, tenantSetting: "b") == ["b"])
            #expect(try await unfilteredClientTenants(storage, tenantSetting: nil).isEmpty)
        }
    }

    @Test func serverRoleCannotWriteARowOfAnotherTenant() async throws {
        try await PostgresFixture.withStorage { storage in
            for id in ["a", "b"] {
                try await storage.createTenant(Tenant(id: id, friendlyName: id, createdAt: StorageKind.now))
            }
            let logger = logger
            await #expect(throws: (any Error).self) {
                try await storage.client.withTransaction(logger: logger) { connection in
                    try await connection.query(
                        "SELECT set_config('search_path', \(storage.schema), true)", logger: logger)
                    try await connection.query("SELECT set_config('authhero.tenant_id', 'a', true)", logger: logger)
                    try await connection.query(
                        """
                        INSERT INTO users (tenant_id, id, connection, email_verified, user_metadata, app_metadata,
                            blocked, created_at, updated_at)
                        VALUES ('b', 'auth0|planted', 'db', false, '{}', '{}', false, now(), now())
                        """, logger: logger)
                }
            }
            #expect(try await storage.user("auth0|planted", tenantID: "b") == nil)
        }
    }

    @Test func serverRoleIsAcceptedAndTheOwnerIsRefused() async throws {
        try await PostgresFixture.withStorages { server, owner in
            try await server.verifyRowLevelSecurityApplies()
            await #expect(throws: RowLevelSecurityBypassed.self) { try await owner.verifyRowLevelSecurityApplies() }
        }
    }

    @Test func everyTableWithATenantColumnButCustomDomainsIsUnderTheTenantPolicy() async throws {
        try await PostgresFixture.withStorage { storage in
            let logger = logger
            let query: PostgresQuery = """
                SELECT c.relname::text, c.relrowsecurity,
                       EXISTS (SELECT 1 FROM pg_policies p WHERE p.schemaname = n.nspname AND p.tablename = c.relname)
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
                WHERE n.nspname = \(storage.schema) AND c.relkind = 'r'
                """
            var unprotected: [String] = []
            var tables = 0
            for try await (table, secured, hasPolicy) in try await storage.client.query(query, logger: logger)
                .decode((String, Bool, Bool).self)
            {
                tables += 1
                if table != "custom_domains", !(secured && hasPolicy) { unprotected.append(table) }
            }
            #expect(tables > 10)
            #expect(unprotected == [])
        }
    }
}
