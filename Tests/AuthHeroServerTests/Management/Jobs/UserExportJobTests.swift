import AuthHeroCore
import AuthHeroServer
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// `POST /api/v2/jobs/users-exports` over real HTTP: gzipped NDJSON and CSV with the requested fields, fetched from
/// the job's `location` without a token, and refused once the link is expired or altered.
@Suite(.serialized) struct UserExportJobTests {
    /// Imports three users, exports them with `body`, and returns the finished job.
    private static func exported(_ fixture: JobFixture, body: String) async throws -> [String: Any] {
        // Newer than the seed's alice and bob, so the export lists them after those two.
        fixture.server.clock.advance(by: 1)
        _ = try await fixture.importUsers(
            #"[{"user_id":"e1","email":"ann@export.example","name":"Ann"},{"user_id":"e2","email":"bo@export.example","name":"Bo, Jr."},{"user_id":"e3","email":"cy@export.example"}]"#
        )
        let created = try await fixture.management.send(
            .post, "/api/v2/jobs/users-exports", token: fixture.token, tenant: "alpha", json: body)
        #expect(created.status == .created)
        let job = try created.json()
        #expect(job["status"] as? String == "pending")
        #expect(job["type"] as? String == "users_export")
        return try await fixture.finished(try #require(job["id"] as? String))
    }

    private static func file(_ response: TestClient.Response) throws -> String {
        let gzipped = Data((response.body ?? ByteBuffer()).readableBytesView)
        return String(decoding: try Gzip.decompress(gzipped), as: UTF8.self)
    }

    @Test func ndjsonExportIsFetchedWithoutAToken() async throws {
        try await JobFixture.run { fixture in
            let job = try await Self.exported(
                fixture,
                body:
                    #"{"connection_id":"con_db","format":"json","fields":[{"name":"user_id"},{"name":"email","export_as":"mail"}]}"#
            )
            #expect(job["status"] as? String == "completed")
            #expect(job["format"] as? String == "json")
            let location = try #require(job["location"] as? String)
            #expect(location.hasPrefix("http://localhost:3000/export-files/alpha/"))
            let answer = try await fixture.fetchWithoutToken(try JobFixture.pathAndQuery(location))
            #expect(answer.status == .ok)
            #expect(answer.headers[.contentType] == "application/gzip")
            let lines = try Self.file(answer).split(separator: "\n").map(String.init)
            // Every user of the connection, oldest first: alice and bob from the seed, then the three imported.
            #expect(lines.count == 5)
            #expect(
                lines.suffix(3) == [
                    #"{"mail":"ann@export.example","user_id":"auth0|e1"}"#,
                    #"{"mail":"bo@export.example","user_id":"auth0|e2"}"#,
                    #"{"mail":"cy@export.example","user_id":"auth0|e3"}"#,
                ])
        }
    }

    @Test func csvExportQuotesValuesAndHonoursLimit() async throws {
        try await JobFixture.run { fixture in
            let job = try await Self.exported(
                fixture,
                body:
                    #"{"connection_id":"con_db","format":"csv","limit":4,"fields":[{"name":"email"},{"name":"name","export_as":"full_name"}]}"#
            )
            let location = try #require(job["location"] as? String)
            let answer = try await fixture.fetchWithoutToken(try JobFixture.pathAndQuery(location))
            #expect(answer.status == .ok)
            let lines = try Self.file(answer).components(separatedBy: "\r\n")
            #expect(lines.first == "email,full_name")
            #expect(lines.count == 6)
            #expect(lines[3] == "ann@export.example,Ann")
            #expect(lines[4] == #"bo@export.example,"Bo, Jr.""#)
        }
    }

    @Test func expiredOrForgedLinksAreRefused() async throws {
        try await JobFixture.run { fixture in
            let job = try await Self.exported(fixture, body: #"{"connection_id":"con_db"}"#)
            let path = try JobFixture.pathAndQuery(try #require(job["location"] as? String))
            let refusal: NSDictionary = [
                "statusCode": 403, "error": "Forbidden", "errorCode": "invalid_signature",
                "message": "The export link is invalid or has expired; get a fresh one from GET /api/v2/jobs/{id}.",
            ]
            let forged = path.replacingOccurrences(of: "signature=", with: "signature=A")
            let otherTenant = path.replacingOccurrences(of: "/export-files/alpha/", with: "/export-files/beta/")
            let expires = try #require(URLComponents(string: path)?.queryItems?.first { $0.name == "expires" }?.value)
            let extended = path.replacingOccurrences(of: "expires=\(expires)", with: "expires=\(Int(expires)! + 3600)")
            for bad in [forged, otherTenant, extended, path.components(separatedBy: "?")[0]] {
                let answer = try await fixture.fetchWithoutToken(bad)
                #expect(answer.status == .forbidden, "\(bad)")
                #expect(try answer.json() as NSDictionary == refusal)
            }
            fixture.server.clock.advance(by: 11 * 60)
            let expired = try await fixture.fetchWithoutToken(path)
            #expect(expired.status == .forbidden)
            #expect(try expired.json() as NSDictionary == refusal)
            // A fresh GET of the job hands out a fresh link.
            let jobID = try #require(job["id"] as? String)
            let token = try await fixture.management.managerToken()
            let fresh = try await fixture.management.send(.get, "/api/v2/jobs/\(jobID)", token: token, tenant: "alpha")
            let again = try await fixture.fetchWithoutToken(
                try JobFixture.pathAndQuery(try #require(try fresh.json()["location"] as? String)))
            #expect(again.status == .ok)
        }
    }

    /// Two server processes behind one load balancer share only their storage: a link handed out by one opens on the
    /// other, because the link key comes from the tenant's stored signing keys.
    @Test func aLinkMadeByOneProcessOpensOnAnotherOverTheSameStorage() async throws {
        try await JobFixture.run { fixture in
            let job = try await Self.exported(fixture, body: #"{"connection_id":"con_db"}"#)
            let path = try JobFixture.pathAndQuery(try #require(job["location"] as? String))
            let first = fixture.server.services
            let second = AuthHeroServices(
                storage: first.storage,
                hosts: try PlatformHosts(baseURL: LoginTestServer.baseURL, development: true), clock: first.clock)
            try await withRunningServer { onServerRunning in
                AuthHeroApplication.make(
                    services: second, hostname: "127.0.0.1", port: 0, onServerRunning: onServerRunning)
            } _: { port in
                let browser = Browser(port: port)
                let answer = try await browser.get(path, host: LoginTestServer.host("alpha"))
                #expect(answer.status == .ok)
                #expect(answer.headers[.contentType] == "application/gzip")
                let forged = try await browser.get(
                    path.replacingOccurrences(of: "signature=", with: "signature=A"),
                    host: LoginTestServer.host("alpha"))
                #expect(forged.status == .forbidden)
            }
        }
    }

    /// A link made before a rotation keeps working while the previous key is published; revoking that key ends it.
    @Test func rotationKeepsALinkAndRevocationEndsIt() async throws {
        try await JobFixture.run { fixture in
            let job = try await Self.exported(fixture, body: #"{"connection_id":"con_db"}"#)
            let path = try JobFixture.pathAndQuery(try #require(job["location"] as? String))
            let keys = fixture.server.services.keys
            let before = try #require(try await keys.keys(tenantID: "alpha").first { $0.status == .current })
            _ = try await keys.rotate(tenantID: "alpha", actor: "test")
            #expect(try await fixture.fetchWithoutToken(path).status == .ok)
            try await keys.revoke(tenantID: "alpha", kid: before.kid, actor: "test")
            #expect(try await fixture.fetchWithoutToken(path).status == .forbidden)
        }
    }

    @Test func unknownFieldIs400AndNoJobIsStored() async throws {
        try await JobFixture.run { fixture in
            let answer = try await fixture.management.send(
                .post, "/api/v2/jobs/users-exports", token: fixture.token, tenant: "alpha",
                json: #"{"connection_id":"con_db","fields":[{"name":"password_hash"}]}"#)
            #expect(answer.status == .badRequest)
            #expect(try ManagementFixture.errorCode(answer) == "invalid_body")
            #expect(try await fixture.server.services.storage.unfinishedJobs(tenantID: "alpha").isEmpty)
        }
    }
}
