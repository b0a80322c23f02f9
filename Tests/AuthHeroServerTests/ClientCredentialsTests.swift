import AuthHeroCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct ClientCredentialsTests {
    @Test func formRequestGetsAnRFC9068AccessToken() async throws {
        try await LiveServer.run { server in
            let response = try await server.tokenRequest("alpha", form: server.clientCredentialsForm("alpha"))
            #expect(response.status == .ok)
            #expect(response.head.headerFields[.cacheControl] == "no-store")
            let body = try jsonObject(response)
            #expect(body["token_type"] as? String == "Bearer")
            #expect(body["expires_in"] as? Int == 600)
            #expect(body["scope"] as? String == "read:data")

            let (header, claims) = try jwtParts(try #require(body["access_token"] as? String))
            #expect(header["typ"] as? String == "at+jwt")
            #expect(header["alg"] as? String == "RS256")
            let jwks = try jsonObject(
                try await server.send(.get, "/.well-known/jwks.json", host: LiveServer.host("alpha")))
            #expect(header["kid"] as? String == (jwks["keys"] as? [[String: Any]])?.first?["kid"] as? String)

            #expect(claims["iss"] as? String == "http://alpha.localhost:3000/")
            #expect(claims["sub"] as? String == "m2m@clients")
            #expect(claims["aud"] as? String == LiveServer.audience)
            #expect(claims["client_id"] as? String == "m2m")
            #expect(claims["azp"] as? String == "m2m")
            #expect(claims["gty"] as? String == "client-credentials")
            #expect(claims["scope"] as? String == "read:data")
            #expect(claims["permissions"] as? [String] == ["read:data"])
            #expect(claims["jti"] is String)
            let iat = try #require(claims["iat"] as? Int)
            #expect(claims["exp"] as? Int == iat + 600)
        }
    }

    @Test func jsonBodyAndBasicAuthenticationAreAccepted() async throws {
        try await LiveServer.run { server in
            let json =
                #"{"grant_type":"client_credentials","client_id":"m2m","client_secret":"\#(server.secrets["beta"]!)","audience":"\#(LiveServer.audience)"}"#
            let viaJSON = try await server.send(
                .post, "/oauth/token", host: LiveServer.host("beta"), headers: [.contentType: "application/json"],
                body: json)
            #expect(viaJSON.status == .ok)

            let basic = Data("m2m:\(server.secrets["beta"]!)".utf8).base64EncodedString()
            let viaBasic = try await server.tokenRequest(
                "beta", form: ["grant_type": "client_credentials", "audience": LiveServer.audience],
                headers: [.authorization: "Basic \(basic)"])
            #expect(viaBasic.status == .ok)
        }
    }

    @Test func wrongSecretIsInvalidClient() async throws {
        try await LiveServer.run { server in
            var form = server.clientCredentialsForm("alpha")
            form["client_secret"] = "not-the-secret"
            try expectError(
                try await server.tokenRequest("alpha", form: form), status: .unauthorized, code: "invalid_client")
        }
    }

    @Test func anotherTenantsSecretIsInvalidClient() async throws {
        try await LiveServer.run { server in
            var form = server.clientCredentialsForm("alpha")
            form["client_secret"] = server.secrets["beta"]
            try expectError(
                try await server.tokenRequest("alpha", form: form), status: .unauthorized, code: "invalid_client")
        }
    }

    @Test func unknownClientIsInvalidClient() async throws {
        try await LiveServer.run { server in
            var form = server.clientCredentialsForm("alpha")
            form["client_id"] = "nobody"
            try expectError(
                try await server.tokenRequest("alpha", form: form), status: .unauthorized, code: "invalid_client")
        }
    }

    @Test func missingAudienceIsInvalidRequest() async throws {
        try await LiveServer.run { server in
            var form = server.clientCredentialsForm("alpha")
            form["audience"] = nil
            try expectError(
                try await server.tokenRequest("alpha", form: form), status: .badRequest, code: "invalid_request")
        }
    }

    @Test func unknownAudienceIsInvalidRequest() async throws {
        try await LiveServer.run { server in
            var form = server.clientCredentialsForm("alpha")
            form["audience"] = "https://elsewhere.example.com"
            try expectError(
                try await server.tokenRequest("alpha", form: form), status: .badRequest, code: "invalid_request")
        }
    }

    @Test func scopeBeyondTheGrantIsInvalidScope() async throws {
        try await LiveServer.run { server in
            let form = server.clientCredentialsForm("alpha", scope: "read:data write:data")
            try expectError(
                try await server.tokenRequest("alpha", form: form), status: .badRequest, code: "invalid_scope")
        }
    }

    @Test func unsupportedGrantTypeIsRefused() async throws {
        try await LiveServer.run { server in
            var form = server.clientCredentialsForm("alpha")
            form["grant_type"] = "password"
            try expectError(
                try await server.tokenRequest("alpha", form: form), status: .badRequest, code: "unsupported_grant_type")
        }
    }

    @Test func missingGrantTypeIsInvalidRequest() async throws {
        try await LiveServer.run { server in
            try expectError(
                try await server.tokenRequest("alpha", form: ["client_id": "m2m"]), status: .badRequest,
                code: "invalid_request")
        }
    }

    @Test(arguments: [
        ("application/json", #"{"grant_type": "client_credentials", "#),
        ("application/json", #"{"grant_type": 42}"#),
        ("application/json", "[]"),
        ("text/plain", "grant_type=client_credentials"),
        ("application/x-www-form-urlencoded", "grant_type=%ZZ&&=="),
        ("application/x-www-form-urlencoded", "grant_type=client_credentials&grant_type=client_credentials"),
    ])
    func malformedBodiesAreInvalidRequest(contentType: String, body: String) async throws {
        try await LiveServer.run { server in
            let response = try await server.send(
                .post, "/oauth/token", host: LiveServer.host("alpha"), headers: [.contentType: contentType], body: body)
            #expect(response.status == .badRequest || response.status == .unauthorized)
            #expect(try jsonObject(response)["error"] != nil)
        }
    }

    @Test func oversizedBodyIsRefused() async throws {
        try await LiveServer.run { server in
            let body = "grant_type=client_credentials&pad=" + String(repeating: "a", count: 200_000)
            let response = try await server.send(
                .post, "/oauth/token", host: LiveServer.host("alpha"),
                headers: [.contentType: "application/x-www-form-urlencoded"], body: body)
            #expect(response.status == .contentTooLarge)
            #expect(try jsonObject(response)["error"] as? String == "invalid_request")
        }
    }

    @Test func twoAuthenticationMethodsAtOnceAreRefused() async throws {
        try await LiveServer.run { server in
            let basic = Data("m2m:\(server.secrets["alpha"]!)".utf8).base64EncodedString()
            try expectError(
                try await server.tokenRequest(
                    "alpha", form: server.clientCredentialsForm("alpha"), headers: [.authorization: "Basic \(basic)"]),
                status: .badRequest, code: "invalid_request")
        }
    }

    @Test func malformedBasicHeaderIsInvalidClient() async throws {
        try await LiveServer.run { server in
            try expectError(
                try await server.tokenRequest(
                    "alpha", form: ["grant_type": "client_credentials"], headers: [.authorization: "Basic !!!"]),
                status: .unauthorized, code: "invalid_client")
        }
    }

    @Test func hundredParallelTokenRequestsAgainstOneSQLiteFileAllSucceed() async throws {
        try await LiveServer.run { server in
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<100 {
                    let tenantID = index.isMultiple(of: 2) ? "alpha" : "beta"
                    group.addTask {
                        try await server.tokenRequest(tenantID, form: server.clientCredentialsForm(tenantID)).status
                    }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            #expect(statuses.count == 100)
            #expect(statuses.allSatisfy { $0 == .ok })
        }
    }
}

/// Expects an OAuth error answer with `status` and `code`.
func expectError(
    _ response: TestClient.Response, status: HTTPResponse.Status, code: String,
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    #expect(response.status == status, sourceLocation: sourceLocation)
    let body = try jsonObject(response)
    #expect(body["error"] as? String == code, sourceLocation: sourceLocation)
    #expect((body["error_description"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
}
