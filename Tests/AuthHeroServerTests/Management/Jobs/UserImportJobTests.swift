import AuthHeroCore
import AuthHeroServer
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `POST /api/v2/jobs/users-imports`, `GET /api/v2/jobs/{id}` and its errors, over real HTTP: Auth0's bulk-import
/// file with every supported hash kind, logins through the form afterwards, and the refusals Auth0 answers.
@Suite(.serialized) struct UserImportJobTests {
    @Test func fiftyUsersAcrossHashKindsImportAndEachKindLogsIn() async throws {
        try await JobFixture.run { fixture in
            let job = try await fixture.importUsers(ImportFixtureUsers.file(count: 50))
            #expect(job["status"] as? String == "completed")
            #expect(job["summary"] as? [String: Int] == ["inserted": 50, "updated": 0, "failed": 0, "total": 50])
            #expect(try await fixture.errors(try #require(job["id"] as? String)).isEmpty)

            let storage = fixture.server.services.storage
            for (index, kind) in ImportFixtureUsers.kinds.enumerated() {
                let email = ImportFixtureUsers.email(index)
                let before = try #require(
                    try await storage.user(
                        email: email, connection: "Username-Password-Authentication", tenantID: "alpha"))
                #expect(before.id == "auth0|imported-\(index)")
                #expect(!(try await fixture.logsIn(email, password: kind.password + "x")), "\(kind.name)")
                #expect(try await fixture.logsIn(email, password: kind.password), "\(kind.name)")
                let after = try #require(try await storage.user(before.id, tenantID: "alpha"))
                // Imported digests are replaced by the server's bcrypt at the first login; bcrypt stays as it was.
                if kind.name == "bcrypt-2y" {
                    #expect(after.passwordHash == "$2b$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a")
                } else {
                    #expect(after.passwordHash?.hasPrefix("$2b$") == true, "\(kind.name)")
                    #expect(after.passwordHash != before.passwordHash)
                }
                #expect(try await fixture.logsIn(email, password: kind.password), "\(kind.name) after re-hash")
            }
        }
    }

    @Test func unknownAlgorithmIsAPerUserErrorWhileTheOthersImport() async throws {
        try await JobFixture.run { fixture in
            let file = """
                [{"email":"good@import.example","password_hash":"$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a"},
                 {"email":"odd@import.example","custom_password_hash":{"algorithm":"whirlpool","hash":{"value":"00","encoding":"hex"}}},
                 {"email":"argon@import.example","custom_password_hash":{"algorithm":"argon2","hash":{"value":"$argon2id$v=19$m=1048576,t=2,p=1$c29tZXNhbHQ$aGFzaA","encoding":"utf8"}}},
                 {"email":"also-good@import.example"}]
                """
            let job = try await fixture.importUsers(file)
            let jobID = try #require(job["id"] as? String)
            #expect(job["status"] as? String == "completed")
            #expect(job["summary"] as? [String: Int] == ["inserted": 2, "updated": 0, "failed": 2, "total": 4])
            let errors = try await fixture.errors(jobID)
            #expect(errors.count == 2)
            #expect((errors[0]["user"] as? [String: Any])?["email"] as? String == "odd@import.example")
            #expect((errors[0]["user"] as? [String: Any])?["custom_password_hash"] == nil)
            let reasons = try #require(errors[0]["errors"] as? [[String: String]])
            #expect(
                reasons == [
                    [
                        "code": "INVALID_HASH", "message": "The password hash algorithm whirlpool is not supported.",
                        "path": "custom_password_hash.algorithm",
                    ]
                ])
            #expect((errors[1]["errors"] as? [[String: String]])?.first?["code"] == "INVALID_HASH")
            let storage = fixture.server.services.storage
            let connection = "Username-Password-Authentication"
            #expect(
                try await storage.user(email: "odd@import.example", connection: connection, tenantID: "alpha") == nil)
            #expect(
                try await storage.user(email: "good@import.example", connection: connection, tenantID: "alpha") != nil)
            #expect(
                try await storage.user(email: "also-good@import.example", connection: connection, tenantID: "alpha")
                    != nil)
        }
    }

    @Test func existingUsersAreDuplicatesWithoutUpsertAndUpdatedWithIt() async throws {
        try await JobFixture.run { fixture in
            let first = #"[{"user_id":"u1","email":"one@import.example","name":"One"}]"#
            #expect(
                try await fixture.importUsers(first)["summary"] as? [String: Int] == [
                    "inserted": 1, "updated": 0, "failed": 0, "total": 1,
                ])
            let renamed = #"[{"user_id":"u1","email":"one@import.example","name":"Uno"}]"#
            let duplicate = try await fixture.importUsers(renamed)
            #expect(duplicate["summary"] as? [String: Int] == ["inserted": 0, "updated": 0, "failed": 1, "total": 1])
            let errors = try await fixture.errors(try #require(duplicate["id"] as? String))
            #expect((errors.first?["errors"] as? [[String: String]])?.first?["code"] == "DUPLICATED_USER")
            let storage = fixture.server.services.storage
            #expect(try await storage.user("auth0|u1", tenantID: "alpha")?.name == "One")

            let upserted = try await fixture.importUsers(renamed, upsert: true)
            #expect(upserted["summary"] as? [String: Int] == ["inserted": 0, "updated": 1, "failed": 0, "total": 1])
            #expect(try await storage.user("auth0|u1", tenantID: "alpha")?.name == "Uno")
            #expect(
                try await storage.users(
                    matching: .exact("one@import.example"), window: .init(offset: 0, limit: 10), tenantID: "alpha"
                ).total == 1)
        }
    }

    @Test func fileOver500KBIs413AndNothingIsStored() async throws {
        try await JobFixture.run { fixture in
            let padding = String(repeating: "x", count: 600 * 1024)
            let file = #"[{"email":"big@import.example","name":"\#(padding)"}]"#
            let answer = try await fixture.postImport(file)
            #expect(answer.status == .contentTooLarge)
            #expect(
                try answer.json() as NSDictionary
                    == [
                        "statusCode": 413, "error": "Content Too Large", "errorCode": "payload_too_large",
                        "message": "Payload content length greater than maximum allowed: 512000",
                    ])
            #expect(try await fixture.server.services.storage.unfinishedJobs(tenantID: "alpha").isEmpty)
        }
    }

    @Test func fileThatIsNotAnArrayOfObjectsIs400() async throws {
        try await JobFixture.run { fixture in
            for file in [#"{"email":"one@import.example"}"#, "[1,2]", "[{\"email\":", "\"users\""] {
                let answer = try await fixture.postImport(file)
                #expect(answer.status == .badRequest, "\(file)")
                #expect(
                    try answer.json() as NSDictionary
                        == [
                            "statusCode": 400, "error": "Bad Request", "errorCode": "invalid_body",
                            "message": "The users file must be a JSON array of user objects.",
                        ])
            }
            #expect(try await fixture.server.services.storage.unfinishedJobs(tenantID: "alpha").isEmpty)
        }
    }

    @Test func anotherTenantsJobIs404() async throws {
        try await JobFixture.run { fixture in
            let job = try await fixture.importUsers(#"[{"email":"one@import.example"}]"#)
            let jobID = try #require(job["id"] as? String)
            let staff = try await fixture.management.controlPlaneToken(
                email: ManagementFixture.staffEmail, scope: "read:users")
            let elsewhere = try await fixture.management.send(
                .get, "/api/v2/jobs/\(jobID)", token: staff, tenant: "beta")
            #expect(elsewhere.status == .notFound)
            #expect(
                try elsewhere.json() as NSDictionary
                    == [
                        "statusCode": 404, "error": "Not Found", "errorCode": "inexistent_job",
                        "message": "The job does not exist.",
                    ])
            let here = try await fixture.management.send(.get, "/api/v2/jobs/\(jobID)", token: staff, tenant: "alpha")
            #expect(here.status == .ok)
        }
    }

    @Test func importNeedsCreateUsers() async throws {
        try await JobFixture.run { fixture in
            let reader = try await fixture.management.controlPlaneToken(
                scope: "read:users", organization: ManagementFixture.alphaOrganization)
            let answer = try await fixture.postRaw(
                JobFixture.form(users: "[]", fields: [("connection_id", "con_db")]),
                contentType: "multipart/form-data; boundary=\(JobFixture.boundary)", token: reader)
            #expect(answer.status == .forbidden)
            #expect(try ManagementFixture.errorCode(answer) == "insufficient_scope")
        }
    }
}
