import AuthHeroCore
import AuthHeroServer
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Jobs over real HTTP on top of ``ManagementFixture``: multipart users-imports, polling a job until it has run, and
/// reading export files back.
struct JobFixture {
    static let boundary = "----authhero-test-boundary-7MA4YWxkTrZu0gW"

    let management: ManagementFixture
    let token: String

    var server: LoginTestServer { management.server }

    /// Seeds the management set-up and takes the manager's token (every management scope on alpha).
    static func run(_ body: @Sendable (JobFixture) async throws -> Void) async throws {
        try await LoginTestServer.run { server in
            let management = try await ManagementFixture.seed(server)
            try await body(JobFixture(management: management, token: try await management.managerToken()))
        }
    }

    /// A multipart/form-data body with the fields in order, and `users` as a file part when given.
    static func form(users: String?, fields: [(String, String)]) -> String {
        var body = ""
        for (name, value) in fields {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        if let users {
            body +=
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"users\"; filename=\"users.json\"\r\n"
                + "Content-Type: application/json\r\n\r\n\(users)\r\n"
        }
        return body + "--\(boundary)--\r\n"
    }

    /// Posts a users-import for alpha's database connection.
    func postImport(_ users: String?, upsert: Bool = false, extra: [(String, String)] = []) async throws
        -> TestClient.Response
    {
        try await postRaw(
            Self.form(users: users, fields: [("connection_id", "con_db"), ("upsert", String(upsert))] + extra),
            contentType: "multipart/form-data; boundary=\(Self.boundary)")
    }

    /// Posts `body` as-is to `/api/v2/jobs/users-imports` of `tenant`.
    func postRaw(_ body: String, contentType: String, tenant: String = "alpha", token: String? = nil) async throws
        -> TestClient.Response
    {
        let headers: HTTPFields = [
            .authorization: "Bearer \(token ?? self.token)", HTTPFields.Element.Name("tenant-id")!: tenant,
            .contentType: contentType,
        ]
        return try await server.browser().send(
            .post, "/api/v2/jobs/users-imports", host: LoginTestServer.host(ControlPlane.tenantID), headers: headers,
            body: body)
    }

    /// Waits for the runner to finish every queued job, then reads `jobID` through `GET /api/v2/jobs/{id}`.
    func finished(_ jobID: String, tenant: String = "alpha") async throws -> [String: Any] {
        await server.services.jobs.idle()
        let answer = try await management.send(.get, "/api/v2/jobs/\(jobID)", token: token, tenant: tenant)
        #expect(answer.status == .ok)
        return try answer.json()
    }

    /// Imports `users` and returns the finished job.
    func importUsers(_ users: String, upsert: Bool = false) async throws -> [String: Any] {
        let created = try await postImport(users, upsert: upsert)
        #expect(created.status == .accepted)
        let body = try created.json()
        #expect(body["status"] as? String == "pending")
        #expect(body["type"] as? String == "users_import")
        #expect(body["connection_id"] as? String == "con_db")
        return try await finished(try #require(body["id"] as? String))
    }

    /// The job's errors as `GET /api/v2/jobs/{id}/errors` answers them.
    func errors(_ jobID: String) async throws -> [[String: Any]] {
        let answer = try await management.send(.get, "/api/v2/jobs/\(jobID)/errors", token: token, tenant: "alpha")
        #expect(answer.status == .ok)
        return try ManagementFixture.array(answer)
    }

    /// Logs `email` in through alpha's login form; true when the form redirects to the callback with a code.
    func logsIn(_ email: String, password: String) async throws -> Bool {
        let browser = server.browser()
        let form = try await server.openLoginPage(
            browser, tenantID: "alpha", authorizePath: LoginTestServer.authorizePath(pkce: PKCEPair()))
        let answer = try await server.submit(form, browser, tenantID: "alpha", email: email, password: password)
        return answer.status == .found && answer.location?.hasPrefix(LoginTestServer.callback + "?") == true
    }

    /// The path and query of a URL's `location`, for fetching it from the test server.
    static func pathAndQuery(_ location: String) throws -> String {
        let url = try #require(URL(string: location))
        return url.path + (url.query.map { "?" + $0 } ?? "")
    }

    /// Fetches `path` without any token from alpha's host.
    func fetchWithoutToken(_ path: String) async throws -> TestClient.Response {
        try await server.browser().get(path, host: LoginTestServer.host("alpha"))
    }
}
