import AuthHeroCore
import AuthHeroSQLite
import Foundation
import GRDB
import HTTPTypes
import HummingbirdTesting
import Testing

/// With database-per-tenant storage, a tenant's file holds its own rows and nothing else: after traffic in both
/// tenants, every row of every table of alpha's file, opened directly with GRDB, belongs to alpha and no value in it
/// mentions beta.
@Suite(.serialized) struct TenantFileContentsTests {
    @Test func aTenantsFileHoldsNoRowOfAnotherTenant() async throws {
        try await IsolationFixture.run(.databasePerTenant) { fixture in
            _ = try await fixture.server.logInForTokens(tenantID: "alpha")
            _ = try await fixture.server.logInForTokens(tenantID: "beta")
            let token = try await fixture.management.managerToken()
            let created = try await fixture.management.send(
                .post, "/api/v2/users", token: token, tenant: "alpha",
                json:
                    #"{"connection":"Username-Password-Authentication","email":"new@example.com","password":"a long passphrase 1"}"#
            )
            #expect(created.status == .created)

            let storage = try #require(fixture.storage as? SQLiteStorage)
            let file = StorageStrategy(layout: .databasePerTenant, databasePath: storage.registry.path)
                .tenantFile("alpha")
            // Values only beta has; random text (keys, hashes) could contain the bare word by chance, so markers are
            // whole identifiers.
            let betaKids = try await storage.keys(tenantID: "beta").map(\.kid)
            let markers = ["alice-beta", "betaOnly", "beta-machine", "beta-org", "beta.localhost"] + betaKids
            let rows = try await DatabaseQueue(path: file.path).read { db in
                var rows: [(String, Row)] = []
                let tables = try String.fetchAll(
                    db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                for table in tables {
                    rows += try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"").map { (table, $0) }
                }
                return rows
            }
            #expect(rows.contains { $0.0 == "users" })
            #expect(rows.contains { $0.0 == "refresh_tokens" })
            for (table, row) in rows {
                if let owner: String = row["tenant_id"] { #expect(owner == "alpha", "\(table)") }
                if table == "tenants" { #expect(row["id"] == "alpha") }
                for column in row.columnNames {
                    guard case .string(let text) = (row[column] as DatabaseValue).storage else { continue }
                    #expect(text != "beta", "\(table).\(column)")
                    #expect(!markers.contains { text.contains($0) }, "\(table).\(column)")
                }
            }
        }
    }
}
