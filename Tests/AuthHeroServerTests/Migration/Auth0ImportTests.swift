import AuthHeroCore
import AuthHeroServer
import AuthHeroTesting
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Importing an Auth0 export (`Tests/Fixtures/auth0-export`) into tenant beta, then using it over real HTTP: each
/// hash kind logs in through the login form, organization tokens carry the imported roles' permissions, a second run
/// doubles nothing, and bad input stops the run before any write.
@Suite(.serialized) struct Auth0ImportTests {
    typealias Counts = Auth0ImportReport.Counts

    private func importer(_ server: LoginTestServer) -> Auth0Import {
        Auth0Import(storage: server.services.storage, clock: server.services.clock)
    }

    @Test func theExportImportsWithCountsAndEverySkipReported() async throws {
        try await LoginTestServer.run { server in
            let report = try await importer(server).importFolder(Auth0ExportFixture.folder, tenantID: "beta")
            #expect(report.counts(.connections) == Counts(updated: 1, skipped: 1))
            #expect(report.counts(.resourceServers) == Counts(created: 1, skipped: 1))
            #expect(report.counts(.roles) == Counts(created: 3))
            #expect(report.counts(.permissions) == Counts(created: 4, skipped: 1))
            #expect(report.counts(.users) == Counts(created: 49, skipped: 1))
            #expect(report.counts(.clients) == Counts(created: 3, skipped: 1))
            #expect(report.counts(.organizations) == Counts(created: 3))
            #expect(report.counts(.members) == Counts(created: 6, skipped: 1))
            #expect(report.counts(.memberRoles) == Counts(created: 6, skipped: 1))
            #expect(
                report.skipped.map(\.description) == [
                    "users user49@reports.example: the password hash algorithm md4 is not supported",
                    "connections google-oauth2: strategy google-oauth2 is not supported; only database (auth0) connections",
                    "resource servers https://reports-co.eu.auth0.com/api/v2/: Auth0's own Management API; this tenant has its own",
                    "role permissions billing: read:users on https://reports-co.eu.auth0.com/api/v2/: a permission on Auth0's Management API",
                    "clients All Applications: Auth0's global client (All Applications)",
                    "organization members auth0|user49 in initech: the user was not imported",
                    "member roles auth0|user49 in initech: rol_ReaderAAAAAAAAA: the user was not imported",
                ])
            // Auth0's secrets cannot be exported: the confidential clients get new ones, and only their hashes are kept.
            #expect(
                report.clientSecrets.map(\.clientID) == [
                    "ReportsWebBBBBBBBBBBBBBBBBBBBBBB", "ReportsJobsCCCCCCCCCCCCCCCCCCCCC",
                ])
            let storage = server.services.storage
            let web = try #require(try await storage.client("ReportsWebBBBBBBBBBBBBBBBBBBBBBB", tenantID: "beta"))
            #expect(web.secretHash == SecretDigest.hash(report.clientSecrets[0].secret))
            let user = try #require(try await storage.user("auth0|user07", tenantID: "beta"))
            #expect(user.connection == "Username-Password-Authentication")
            #expect(user.email == "user07@reports.example")
            #expect(user.userMetadata == ["hash_kind": "sha512-prefix"])
            #expect(try await storage.user("auth0|user49", tenantID: "beta") == nil)
        }
    }

    @Test func aUserOfEachHashKindLogsInThroughTheLoginForm() async throws {
        try await LoginTestServer.run { server in
            _ = try await importer(server).importFolder(Auth0ExportFixture.folder, tenantID: "beta")
            for (index, kind) in Auth0ExportFixture.kinds.enumerated() {
                let email = Auth0ExportFixture.email(index)
                let password = Auth0ExportFixture.password(index)
                #expect(!(try await logsIn(server, email, password + "x")), "\(kind)")
                #expect(try await logsIn(server, email, password), "\(kind)")
                #expect(try await logsIn(server, email, password), "\(kind) after re-hash")
            }
        }
    }

    @Test func organizationTokensCarryTheImportedMemberRoles() async throws {
        try await LoginTestServer.run { server in
            _ = try await importer(server).importFolder(Auth0ExportFixture.folder, tenantID: "beta")
            let cases: [(user: Int, organization: String, permissions: [String])] = [
                (0, "org_AcmeAAAAAAAAAAAA", ["read:reports", "write:reports"]),
                (0, "org_GlobexBBBBBBBBBB", ["read:reports"]),
                (3, "org_GlobexBBBBBBBBBB", ["manage:billing", "read:reports"]),
                (2, "org_AcmeAAAAAAAAAAAA", []),
            ]
            for (user, organization, permissions) in cases {
                let access = try await organizationToken(server, user: user, organization: organization)
                #expect(access["org_id"] as? String == organization)
                #expect(((access["permissions"] as? [String]) ?? []).sorted() == permissions, "user \(user)")
            }
            let browser = server.browser()
            let form = try await server.openLoginPage(
                browser, tenantID: "beta",
                authorizePath: LoginTestServer.authorizePath(
                    pkce: PKCEPair(), ["organization": "org_InitechCCCCCCCCC"]))
            let refused = try await server.submit(
                form, browser, tenantID: "beta", email: Auth0ExportFixture.email(1),
                password: Auth0ExportFixture.password(1))
            #expect(refused.redirectQuery["error"] == "access_denied")
        }
    }

    @Test func aSecondRunUpdatesAndDuplicatesNothing() async throws {
        try await LoginTestServer.run { server in
            let storage = server.services.storage
            _ = try await importer(server).importFolder(Auth0ExportFixture.folder, tenantID: "beta")
            let first = try await Auth0ExportFixture.TenantContents.of("beta", in: storage)
            let second = try await importer(server).importFolder(Auth0ExportFixture.folder, tenantID: "beta")
            #expect(try await Auth0ExportFixture.TenantContents.of("beta", in: storage) == first)
            #expect(second.counts(.users) == Counts(updated: 49, skipped: 1))
            #expect(second.counts(.roles) == Counts(updated: 3))
            #expect(second.counts(.permissions) == Counts(updated: 4, skipped: 1))
            #expect(second.counts(.clients) == Counts(updated: 3, skipped: 1))
            #expect(second.counts(.organizations) == Counts(updated: 3))
            #expect(second.counts(.members) == Counts(updated: 6, skipped: 1))
            #expect(second.counts(.memberRoles) == Counts(updated: 6, skipped: 1))
            #expect(second.clientSecrets.isEmpty)
            #expect(first.users.count == 49 + 1)  // beta's own alice and the imported users
        }
    }

    @Test func aDryRunReportsTheImportAndWritesNothing() async throws {
        try await LoginTestServer.run { server in
            let storage = server.services.storage
            let before = try await Auth0ExportFixture.TenantContents.of("beta", in: storage)
            let report = try await importer(server).importFolder(
                Auth0ExportFixture.folder, tenantID: "beta", dryRun: true)
            #expect(report.dryRun)
            #expect(report.counts(.users) == Counts(created: 49, skipped: 1))
            #expect(report.counts(.members) == Counts(created: 6, skipped: 1))
            #expect(report.clientSecrets.isEmpty)
            #expect(try await Auth0ExportFixture.TenantContents.of("beta", in: storage) == before)
        }
    }

    @Test func anNDJSONExportImportsDatabaseUsersAndSkipsProviderUsers() async throws {
        let export = try Auth0ExportFixture.copy { folder in
            try Data(
                """
                {"user_id":"auth0|exported01","email":"Exported01@Reports.example","email_verified":true,"name":"Ex","created_at":"2024-01-01T00:00:00.000Z","identities":[{"connection":"Username-Password-Authentication","provider":"auth0","user_id":"exported01","isSocial":false}],"logins_count":3}
                {"user_id":"google-oauth2|1234","email":"social@reports.example","identities":[{"connection":"google-oauth2","provider":"google-oauth2"}]}

                """.utf8
            ).write(to: folder.appendingPathComponent("users.ndjson"))
        }
        defer { export.remove() }
        try await LoginTestServer.run { server in
            let report = try await importer(server).importFolder(export.path("export"), tenantID: "beta")
            #expect(report.counts(.users) == Counts(created: 1, skipped: 1))
            #expect(
                report.skipped.first?.description
                    == "users google-oauth2|1234: only database users (auth0|) are imported; this one signs in through its provider"
            )
            let user = try #require(try await server.services.storage.user("auth0|exported01", tenantID: "beta"))
            #expect(user.email == "exported01@reports.example")
            #expect(user.passwordHash == nil)
        }
    }

    @Test func aTruncatedNDJSONLineStopsTheRunBeforeAnyWrite() async throws {
        let export = try Auth0ExportFixture.copy { folder in
            try Data(
                """
                {"user_id":"auth0|exported01","email":"exported01@reports.example"}
                {"user_id":"auth0|exported02","email":"exported02@rep
                """.utf8
            ).write(to: folder.appendingPathComponent("users.ndjson"))
        }
        defer { export.remove() }
        try await expectRefusal(
            export.path("export"),
            "users.ndjson line 2: The line is not a complete JSON object (is the file truncated?).")
    }

    @Test func aWrongTypeStopsTheRunNamingFileEntryAndField() async throws {
        let export = try Auth0ExportFixture.copy { folder in
            try Data(#"[{"id":"rol_ReaderAAAAAAAAA","name":"reader"},{"id":"rol_X","name":5}]"#.utf8)
                .write(to: folder.appendingPathComponent("roles.json"))
        }
        defer { export.remove() }
        try await expectRefusal(export.path("export"), "roles.json entry 1 field name: Expected type string")
    }

    @Test func aWrongTypeInAUserStopsTheRunNamingTheLineAndField() async throws {
        let export = try Auth0ExportFixture.copy { folder in
            try Data(#"{"user_id":"auth0|exported01","email":"a@reports.example","email_verified":"yes"}"#.utf8)
                .write(to: folder.appendingPathComponent("users.ndjson"))
        }
        defer { export.remove() }
        try await expectRefusal(
            export.path("export"), "users.ndjson line 1 field email_verified: Expected type boolean")
    }

    @Test func aPathOutsideTheExportFolderStopsTheRunBeforeAnyWrite() async throws {
        let export = try Auth0ExportFixture.copy { folder in
            let outside = folder.deletingLastPathComponent().appendingPathComponent("elsewhere.json")
            try Data("[]".utf8).write(to: outside)
            let members = folder.appendingPathComponent("organizations/org_GlobexBBBBBBBBBB/members.json")
            try FileManager.default.removeItem(at: members)
            try FileManager.default.createSymbolicLink(at: members, withDestinationURL: outside)
        }
        defer { export.remove() }
        try await expectRefusal(
            export.path("export"),
            "organizations/org_GlobexBBBBBBBBBB/members.json: The path leads outside the export folder.")
    }

    @Test func anOrganizationIDLeadingOutsideTheFolderStopsTheRun() async throws {
        let export = try Auth0ExportFixture.copy { folder in
            try Data(#"[{"id":"../../../etc","name":"escape"}]"#.utf8)
                .write(to: folder.appendingPathComponent("organizations.json"))
        }
        defer { export.remove() }
        try await expectRefusal(
            export.path("export"), "organizations/../../../etc/members.json: The path leads outside the export folder.")
    }

    // MARK: - Steps

    private func expectRefusal(_ folder: String, _ message: String) async throws {
        try await LoginTestServer.run { server in
            let storage = server.services.storage
            let before = try await Auth0ExportFixture.TenantContents.of("beta", in: storage)
            await #expect {
                _ = try await importer(server).importFolder(folder, tenantID: "beta")
            } throws: { error in
                (error as? Auth0ExportError)?.description == message
            }
            #expect(try await Auth0ExportFixture.TenantContents.of("beta", in: storage) == before)
        }
    }

    private func logsIn(_ server: LoginTestServer, _ email: String, _ password: String) async throws -> Bool {
        let browser = server.browser()
        let form = try await server.openLoginPage(
            browser, tenantID: "beta", authorizePath: LoginTestServer.authorizePath(pkce: PKCEPair()))
        let answer = try await server.submit(form, browser, tenantID: "beta", email: email, password: password)
        return answer.status == .found && answer.location?.hasPrefix(LoginTestServer.callback + "?") == true
    }

    private func organizationToken(_ server: LoginTestServer, user: Int, organization: String) async throws
        -> [String: Any]
    {
        let pkce = PKCEPair()
        let code = try await server.logInForCode(
            server.browser(), tenantID: "beta", pkce: pkce, email: Auth0ExportFixture.email(user),
            password: Auth0ExportFixture.password(user),
            ["organization": organization, "audience": Auth0ExportFixture.audience])
        let response = try await server.exchange(code, tenantID: "beta", verifier: pkce.verifier)
        #expect(response.status == .ok)
        let tokens = try response.json()
        return try jwtClaims(try #require(tokens["access_token"] as? String))
    }
}
