import AuthHeroCore
import AuthHeroPostgres
import AuthHeroSQLite
import AuthHeroTesting
import Foundation
import JWTKit
import Testing

/// The migration trap: a tenant outgrows SQLite and moves to PostgreSQL schema per tenant (or shared), and back,
/// through the same archive the generated app's `export` and `import` commands write. Every table arrives with every
/// row, and a token signed before the move verifies after it.
@Suite struct TenantMoveTests {
    @Test(arguments: [PostgresLayout.schemaPerTenant, .shared])
    func aTenantMovesFromSQLiteToPostgresAndBackWithEveryTableIntact(_ layout: PostgresLayout) async throws {
        let folder = try TemporaryFolder(prefix: "authhero-move")
        defer { folder.remove() }
        let origin = try await Self.sqlite(folder.path("origin.sqlite"))
        try await ArchiveFixture.populate(origin, now: StorageKind.now)
        let token = try await Self.token(signedBy: origin)
        let exported = try await origin.exportTenant("a")
        let tables = try #require(exported.tenants.first).tables
        #expect(tables.count >= 15 && tables.values.allSatisfy { !$0.isEmpty }, "every table has rows to move")

        try await PostgresFixture.withStorage(layout) { postgres in
            try await postgres.createTenant(Tenant(id: "b", friendlyName: "Tenant b", createdAt: StorageKind.now))
            #expect(try await postgres.importArchive(TenantArchive.decode(exported.encoded())) == ["a"])
            #expect(try await postgres.user("auth0|ada", tenantID: "a") == origin.user("auth0|ada", tenantID: "a"))
            #expect(try await postgres.keys(tenantID: "a") == origin.keys(tenantID: "a"))
            try await Self.verify(token, with: postgres)
            let onPostgres = try await postgres.exportTenant("a")
            #expect(Self.comparable(onPostgres) == Self.comparable(exported))

            let back = try await Self.sqlite(folder.path("back.sqlite"), tenants: ["b"])
            #expect(try await back.importArchive(TenantArchive.decode(onPostgres.encoded())) == ["a"])
            #expect(Self.comparable(try await back.exportTenant("a")) == Self.comparable(exported))
            #expect(try await back.user("auth0|ada", tenantID: "a") == origin.user("auth0|ada", tenantID: "a"))
            try await Self.verify(token, with: back)
        }
    }

    @Test func anArchiveWithAColumnPostgresLacksIsRefusedBeforeAnythingIsWritten() async throws {
        let folder = try TemporaryFolder(prefix: "authhero-move")
        defer { folder.remove() }
        let origin = try await Self.sqlite(folder.path("origin.sqlite"))
        try await ArchiveFixture.populate(origin, now: StorageKind.now)
        var archive = try await origin.exportTenant("a")
        archive.tenants[0].tables["users"]?[0]["favourite_colour"] = .text("teal")

        try await PostgresFixture.withStorage(.schemaPerTenant) { postgres in
            let refusal = TenantArchiveError.invalidRow(
                table: "users", reason: "column favourite_colour is not in this database")
            await #expect(throws: refusal) { try await postgres.importArchive(archive) }
            let written = try await postgres.tenant("a")
            #expect(written == nil, "nothing was written")
        }
    }

    private static func sqlite(_ path: String, tenants: [String] = ["a", "b"]) async throws -> SQLiteStorage {
        let storage = try SQLiteStorage.open(strategy: StorageStrategy(layout: .shared, databasePath: path))
        try storage.migrate()
        for id in tenants {
            try await storage.createTenant(Tenant(id: id, friendlyName: "Tenant \(id)", createdAt: StorageKind.now))
        }
        return storage
    }

    private static func token(signedBy storage: any AuthHeroStorage) async throws -> String {
        let api = ResourceServer(tenantID: "a", id: "rs_api", identifier: "https://api.example.com", name: "API")
        let issuer = TokenIssuer(keys: SigningKeyService(storage: storage, clock: SystemClock()), clock: SystemClock())
        return try await issuer.issueAccessToken(
            AccessTokenRequest(
                tenantID: "a", issuer: "https://a.example.com/", subject: "m2m@clients", clientID: "m2m",
                resourceServer: api, scopes: ["read:data"], permissions: nil)
        ).accessToken
    }

    private static func verify(_ token: String, with storage: any AuthHeroStorage) async throws {
        let ring = try await SigningKeyService(storage: storage, clock: SystemClock()).keyRing(tenantID: "a")
        let keys = JWTKeyCollection()
        try await keys.add(jwks: ring.jwks)
        let claims = try await keys.verify(token, as: AccessTokenClaims.self)
        #expect(claims.sub.value == "m2m@clients")
    }

    /// The entry's tables with audit ids left out (an import assigns new ones) and JSON text in one spelling (each
    /// store writes its own).
    private static func comparable(_ archive: TenantArchive) -> [String: [ArchiveRow]] {
        guard let entry = archive.tenants.first else { return [:] }
        var tables = entry.tables.mapValues { rows in rows.map { $0.mapValues(canonical) } }
        tables["audit_log"] = tables["audit_log"]?.map { $0.filter { $0.key != "id" } }
        tables["tenants"] = [entry.tenant.mapValues(canonical)]
        return tables
    }

    private static func canonical(_ value: ArchiveValue) -> ArchiveValue {
        guard case .text(let text) = value, text.hasPrefix("{") || text.hasPrefix("["),
            let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)),
            let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        else { return value }
        return .text(String(decoding: data, as: UTF8.self))
    }
}
