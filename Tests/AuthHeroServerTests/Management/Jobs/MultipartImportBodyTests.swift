import AuthHeroCore
import AuthHeroServer
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Malformed `multipart/form-data` bodies sent to `POST /api/v2/jobs/users-imports`: each is an Auth0 400 naming what
/// is wrong, never a 500, and no job is stored.
@Suite(.serialized) struct MultipartImportBodyTests {
    static let boundary = JobFixture.boundary
    static let multipart = "multipart/form-data; boundary=\(boundary)"
    static let usersPart =
        "--\(boundary)\r\nContent-Disposition: form-data; name=\"users\"; filename=\"u.json\"\r\n\r\n[]\r\n"
    static let connectionPart =
        "--\(boundary)\r\nContent-Disposition: form-data; name=\"connection_id\"\r\n\r\ncon_db\r\n"

    /// Bodies (with their Content-Type) and the message each answers.
    static let cases: [(body: String, contentType: String, message: String)] = [
        (usersPart + "--\(boundary)--\r\n", "application/json", "The body must be multipart/form-data."),
        (
            usersPart + "--\(boundary)--\r\n", "multipart/form-data",
            "The Content-Type must name a boundary of 1 to 70 characters."
        ),
        (
            usersPart + "--\(boundary)--\r\n", "multipart/form-data; boundary=" + String(repeating: "b", count: 71),
            "The Content-Type must name a boundary of 1 to 70 characters."
        ),
        (
            "preamble\r\n" + usersPart + "--\(boundary)--\r\n", multipart,
            "The multipart/form-data body is malformed: the body does not start with the boundary."
        ),
        (
            "--\(boundary)", multipart,
            "The multipart/form-data body is malformed: the body ends before its closing boundary."
        ),
        (
            usersPart, multipart, "The multipart/form-data body is malformed: a part is not followed by the boundary."
        ),
        (
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"users\"\r\n[]\r\n--\(boundary)--\r\n", multipart,
            "The multipart/form-data body is malformed: a part's headers do not end with an empty line."
        ),
        (
            "--\(boundary)\r\nContent-Type: application/json\r\n\r\n[]\r\n--\(boundary)--\r\n", multipart,
            "The multipart/form-data body is malformed: a part has no Content-Disposition: form-data; name."
        ),
        (
            "--\(boundary)\r\nContent-Disposition: attachment; name=\"users\"\r\n\r\n[]\r\n--\(boundary)--\r\n",
            multipart, "The multipart/form-data body is malformed: a part is not form-data."
        ),
        (
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"users\"\r\n\r\n[]", multipart,
            "The multipart/form-data body is malformed: a part is not followed by the boundary."
        ),
        (
            usersPart + "--\(boundary)--\r\ntrailing", multipart,
            "The multipart/form-data body is malformed: nothing may follow the closing boundary."
        ),
        (
            "--\(boundary)\nContent-Disposition: form-data; name=\"users\"\n\n[]\n--\(boundary)--\n", multipart,
            "The multipart/form-data body is malformed: a boundary must end with CRLF."
        ),
        (
            String(repeating: connectionPart, count: 17) + "--\(boundary)--\r\n", multipart,
            "The multipart/form-data body is malformed: more than 16 parts."
        ),
        (
            connectionPart + "--\(boundary)--\r\n", multipart,
            "The form must have a users file (Auth0's bulk-import JSON array)."
        ),
        (
            usersPart + "--\(boundary)--\r\n", multipart,
            "connection_id is required: the database connection's id (con_...)."
        ),
    ]

    @Test func malformedBodiesAre400WithTheReason() async throws {
        try await JobFixture.run { fixture in
            for (body, contentType, message) in Self.cases {
                let answer = try await fixture.postRaw(body, contentType: contentType)
                #expect(answer.status == .badRequest, "\(message)")
                #expect(
                    try answer.json() as NSDictionary
                        == [
                            "statusCode": 400, "error": "Bad Request", "errorCode": "invalid_body", "message": message,
                        ])
            }
            #expect(try await fixture.server.services.storage.unfinishedJobs(tenantID: "alpha").isEmpty)
        }
    }

    @Test func unknownConnectionIs400() async throws {
        try await JobFixture.run { fixture in
            let body = JobFixture.form(users: "[]", fields: [("connection_id", "con_nope")])
            let answer = try await fixture.postRaw(body, contentType: Self.multipart)
            #expect(answer.status == .badRequest)
            #expect(try ManagementFixture.errorCode(answer) == "inexistent_connection")
        }
    }

    @Test func quotedBoundaryAndFlagsAreAccepted() async throws {
        try await JobFixture.run { fixture in
            let body = JobFixture.form(
                users: #"[{"email":"q@import.example"}]"#,
                fields: [
                    ("connection_id", "con_db"), ("upsert", "false"), ("external_id", "ext-1"),
                    ("send_completion_email", "true"),
                ])
            let answer = try await fixture.postRaw(
                body, contentType: "multipart/form-data; boundary=\"\(Self.boundary)\"")
            #expect(answer.status == .accepted)
            #expect(try answer.json()["external_id"] as? String == "ext-1")
            let bad = JobFixture.form(users: "[]", fields: [("connection_id", "con_db"), ("upsert", "maybe")])
            let refused = try await fixture.postRaw(bad, contentType: Self.multipart)
            #expect(refused.status == .badRequest)
            #expect(try refused.json()["message"] as? String == "upsert must be true or false.")
        }
    }
}
