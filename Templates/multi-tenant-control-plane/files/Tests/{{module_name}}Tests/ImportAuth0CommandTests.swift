import AuthHeroCore
import AuthHeroTesting
import Foundation
import Testing

@testable import {{module_name}}

/// `import-auth0`: a small Auth0 export goes into a tenant the command creates through the normal provisioning, a
/// dry run writes nothing, a second run doubles nothing, and a bad export stops before any write.
@Suite struct ImportAuth0CommandTests {
    /// An export as `scripts/export-auth0.py` writes it: two users (one with an unsupported hash), a role, an
    /// organization with a member holding the role.
    static func writeExport(in folder: URL, users: String? = nil) throws -> String {
        let export = folder.appendingPathComponent("auth0-export")
        let files: [String: String] = [
            "users.json": users ?? #"""
                [{"user_id":"ada","email":"ada@example.com","email_verified":true,"custom_password_hash":{"algorithm":"md5","hash":{"value":"3cb4e732631f47e6eb961f34554b7cde","encoding":"hex"} } },
                 {"user_id":"bob","email":"bob@example.com","custom_password_hash":{"algorithm":"md4","hash":{"value":"00","encoding":"hex"} } }]
                """#,
            "roles.json": #"[{"id":"rol_AnalystAAAAAAAAA","name":"analyst","description":"Reads reports"}]"#,
            "organizations.json": #"[{"id":"org_ImportedAAAAAAAA","name":"imported-co","display_name":"Imported Co"}]"#,
            "organizations/org_ImportedAAAAAAAA/members.json": #"[{"user_id":"auth0|ada","email":"ada@example.com"}]"#,
            "organizations/org_ImportedAAAAAAAA/members/auth0|ada/roles.json": #"[{"id":"rol_AnalystAAAAAAAAA","name":"analyst"}]"#,
        ]
        for (path, contents) in files {
            let url = export.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
        return export.path
    }

    static func arguments(_ server: TestControlPlane, _ export: String, _ extra: [String]) throws -> [String] {
        let layout = try TestControlPlane.strategy(databasePath: server.databasePath).layout
        return [export, "--tenant", "imported-co", "--database", server.databasePath, "--storage", layout.rawValue] + extra
    }

    @Test func importCreatesTheTenantThroughProvisioningAndASecondRunDoublesNothing() async throws {
        try await TestControlPlane.run { server in
            let folder = URL(fileURLWithPath: server.databasePath).deletingLastPathComponent()
            let export = try Self.writeExport(in: folder)
            let storage = server.runtime.storage

            try await ImportAuth0.parse(try Self.arguments(server, export, ["--create-tenant", "--dry-run"])).run()
            #expect(try await storage.tenant("imported-co") == nil)

            let create = ["--create-tenant", "--owner", TestControlPlane.adminEmail]
            try await ImportAuth0.parse(try Self.arguments(server, export, create)).run()
            let tenant = try #require(try await storage.tenant("imported-co"))
            let link = try #require(tenant.organizationID)
            let organization = try #require(try await storage.organization(link, tenantID: ControlPlane.tenantID))
            #expect(organization.metadata["tenant_id"] == "imported-co")

            let window = ListWindow(offset: 0, limit: 100)
            #expect(try await storage.users(matching: nil, window: window, tenantID: "imported-co").items.map(\.id) == ["auth0|ada"])
            #expect(
                try await storage.isMember(userID: "auth0|ada", organizationID: "org_ImportedAAAAAAAA", tenantID: "imported-co"))
            let roles = try await storage.roles(
                ofUser: "auth0|ada", organizationID: "org_ImportedAAAAAAAA", window: window, tenantID: "imported-co")
            #expect(roles.items.map(\.id) == ["rol_AnalystAAAAAAAAA"])

            try await ImportAuth0.parse(try Self.arguments(server, export, [])).run()
            #expect(try await storage.users(matching: nil, window: window, tenantID: "imported-co").items.map(\.id) == ["auth0|ada"])
            #expect(try await storage.organizations(window: window, tenantID: "imported-co").items.count == 1)
        }
    }

    @Test func aMissingTenantWithoutCreateTenantIsRefused() async throws {
        try await TestControlPlane.run { server in
            let folder = URL(fileURLWithPath: server.databasePath).deletingLastPathComponent()
            let export = try Self.writeExport(in: folder)
            await #expect(throws: CommandError.self) {
                try await ImportAuth0.parse(try Self.arguments(server, export, [])).run()
            }
            #expect(try await server.runtime.storage.tenant("imported-co") == nil)
        }
    }

    @Test func aBadExportStopsBeforeAnyWriteWithTheFileAndField() async throws {
        try await TestControlPlane.run { server in
            let folder = URL(fileURLWithPath: server.databasePath).deletingLastPathComponent()
            let export = try Self.writeExport(in: folder, users: #"[{"user_id":"ada","email":"ada@example.com","blocked":"no"}]"#)
            let create = ["--create-tenant", "--owner", TestControlPlane.adminEmail]
            await #expect {
                try await ImportAuth0.parse(try Self.arguments(server, export, create)).run()
            } throws: { error in
                "\(error)".hasPrefix("users.json entry 0 field blocked: Expected type boolean")
            }
            #expect(try await server.runtime.storage.tenant("imported-co") == nil)
        }
    }
}
