import AuthHeroCore
import AuthHeroServer
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `/api/v2/clients`: creation with the secret shown once, reads without it, updates, deletion, and the rules on
/// application types, authentication methods, grant types and URLs.
@Suite(.serialized) struct ClientRoutesTests {
    private static func run(_ body: @Sendable (ManagementFixture) async throws -> Void) async throws {
        try await LoginTestServer.run { server in try await body(try await ManagementFixture.seed(server)) }
    }

    private static let webApp =
        #"{"name":"Coffee admin","description":"Back office","app_type":"regular_web","#
        + #""callbacks":["https://admin.example.com/callback"],"allowed_logout_urls":["https://admin.example.com/"],"#
        + #""web_origins":["https://admin.example.com"]}"#

    @Test func clientLifecycleShowsTheSecretOnlyAtCreation() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            let created = try await fixture.send(
                .post, "/api/v2/clients", token: token, tenant: "alpha", json: Self.webApp)
            #expect(created.status == .created)
            let client = try created.json()
            let id = try #require(client["client_id"] as? String)
            let secret = try #require(client["client_secret"] as? String)
            #expect(secret.count >= 43)
            #expect(client["app_type"] as? String == "regular_web")
            #expect(client["token_endpoint_auth_method"] as? String == "client_secret_post")
            #expect(client["grant_types"] as? [String] == ["authorization_code", "refresh_token"])
            #expect(client["callbacks"] as? [String] == ["https://admin.example.com/callback"])
            #expect(client["description"] as? String == "Back office")
            let stored = try #require(try await fixture.server.services.storage.client(id, tenantID: "alpha"))
            #expect(stored.secretHash == SecretDigest.hash(secret))

            let read = try await fixture.send(.get, "/api/v2/clients/\(id)", token: token, tenant: "alpha")
            #expect(read.status == .ok)
            #expect(try read.json()["client_secret"] == nil)
            #expect(try read.json()["name"] as? String == "Coffee admin")
            let listed = try await fixture.send(
                .get, "/api/v2/clients?include_totals=true", token: token, tenant: "alpha")
            let list = try listed.json()
            #expect(list["total"] as? Int == 4)
            let clients = try #require(list["clients"] as? [[String: Any]])
            #expect(clients.contains { $0["client_id"] as? String == id })
            #expect(clients.allSatisfy { $0["client_secret"] == nil })
            let paged = try await fixture.send(.get, "/api/v2/clients?per_page=1&page=1", token: token, tenant: "alpha")
            #expect(try ManagementFixture.array(paged).count == 1)

            let patched = try await fixture.send(
                .patch, "/api/v2/clients/\(id)", token: token, tenant: "alpha",
                json: #"{"name":"Coffee office","callbacks":["https://office.example.com/cb"]}"#)
            #expect(patched.status == .ok)
            #expect(try patched.json()["name"] as? String == "Coffee office")
            #expect(try patched.json()["callbacks"] as? [String] == ["https://office.example.com/cb"])
            #expect(try patched.json()["client_secret"] == nil)
            let afterPatch = try #require(try await fixture.server.services.storage.client(id, tenantID: "alpha"))
            #expect(afterPatch.secretHash == SecretDigest.hash(secret))

            #expect(
                try await fixture.send(.delete, "/api/v2/clients/\(id)", token: token, tenant: "alpha").status
                    == .noContent)
            try ManagementFixture.expectRefused(
                try await fixture.send(.get, "/api/v2/clients/\(id)", token: token, tenant: "alpha"), .notFound,
                "inexistent_client")
            try ManagementFixture.expectRefused(
                try await fixture.send(.delete, "/api/v2/clients/\(id)", token: token, tenant: "alpha"), .notFound,
                "inexistent_client")
            let actions = try await fixture.auditActions("alpha")
            #expect(
                actions.filter { $0.hasPrefix("client.") } == ["client.created", "client.updated", "client.deleted"])
            let createdEvent = try #require(try await fixture.auditEvents("alpha", action: "client.created").first)
            #expect(createdEvent.target == id)
            #expect(createdEvent.actor == ManagementFixture.managerID)
            #expect(createdEvent.details["caller"] == "organization:\(ManagementFixture.alphaOrganization)")
            #expect(!createdEvent.details.values.contains(secret))
            let updatedEvent = try #require(try await fixture.auditEvents("alpha", action: "client.updated").first)
            #expect(updatedEvent.details["fields"] == "name callbacks")
        }
    }

    @Test func publicClientsGetNoSecretAndNoClientCredentials() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            let spa = try await fixture.send(
                .post, "/api/v2/clients", token: token, tenant: "alpha",
                json: #"{"name":"Shop SPA","app_type":"spa","callbacks":["http://localhost:4000/cb"]}"#)
            #expect(spa.status == .created)
            #expect(try spa.json()["client_secret"] == nil)
            #expect(try spa.json()["token_endpoint_auth_method"] as? String == "none")
            let spaID = try #require(try spa.json()["client_id"] as? String)
            #expect(try await fixture.server.services.storage.client(spaID, tenantID: "alpha")?.secretHash == nil)
            let native = try await fixture.send(
                .post, "/api/v2/clients", token: token, tenant: "alpha",
                json: #"{"name":"Shop app","app_type":"native","callbacks":["com.example.shop:/callback"]}"#)
            #expect(native.status == .created)
            #expect(try native.json()["client_secret"] == nil)

            for body in [
                #"{"name":"x","app_type":"spa","token_endpoint_auth_method":"client_secret_post"}"#,
                #"{"name":"x","app_type":"spa","grant_types":["client_credentials"]}"#,
                #"{"name":"x","app_type":"native","grant_types":["authorization_code","client_credentials"]}"#,
                #"{"name":"x","app_type":"non_interactive","token_endpoint_auth_method":"none"}"#,
                #"{"name":"x","app_type":"regular_web","token_endpoint_auth_method":"none","grant_types":["client_credentials"]}"#,
                #"{"name":"x","app_type":"spa","callbacks":["com.example.shop:/callback"]}"#,
            ] {
                try ManagementFixture.expectRefused(
                    try await fixture.send(.post, "/api/v2/clients", token: token, tenant: "alpha", json: body),
                    .badRequest, "invalid_body")
            }
            try ManagementFixture.expectRefused(
                try await fixture.send(
                    .patch, "/api/v2/clients/\(spaID)", token: token, tenant: "alpha",
                    json: #"{"app_type":"regular_web","token_endpoint_auth_method":"client_secret_basic"}"#),
                .badRequest, "invalid_body")
            try ManagementFixture.expectRefused(
                try await fixture.send(.post, "/api/v2/clients/\(spaID)/rotate-secret", token: token, tenant: "alpha"),
                .badRequest, "operation_not_supported")
            #expect(try await fixture.server.services.storage.client(spaID, tenantID: "alpha")?.secretHash == nil)
        }
    }

    @Test func malformedBodiesAreRefusedAndCreateNothing() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            let long = String(repeating: "a", count: 2100)
            for body in [
                "not json", "[]", "{}", #"{"name":5}"#, #"{"name":""}"#, #"{"name":"   "}"#,
                #"{"name":"\#(String(repeating: "n", count: 129))"}"#,
                #"{"name":"x","description":"\#(String(repeating: "d", count: 141))"}"#,
                #"{"name":"x","client_secret":"chosen-by-me"}"#, #"{"name":"x","is_first_party":false}"#,
                #"{"name":"x","app_type":"desktop"}"#, #"{"name":"x","token_endpoint_auth_method":"private_key_jwt"}"#,
                #"{"name":"x","grant_types":["password"]}"#, #"{"name":"x","grant_types":"client_credentials"}"#,
                #"{"name":"x","callbacks":["/relative"]}"#,
                #"{"name":"x","callbacks":["https://a.example.com/cb#frag"]}"#,
                #"{"name":"x","callbacks":["https://*.example.com/cb"]}"#, #"{"name":"x","callbacks":[""]}"#,
                #"{"name":"x","callbacks":["https://a.example.com/\#(long)"]}"#, #"{"name":"x","callbacks":[null]}"#,
                #"{"name":"x","web_origins":["https://a.example.com/path"]}"#,
                #"{"name":"x","allowed_origins":["ftp://a.example.com"]}"#,
            ] {
                let answer = try await fixture.send(.post, "/api/v2/clients", token: token, tenant: "alpha", json: body)
                try ManagementFixture.expectRefused(answer, .badRequest, "invalid_body")
            }
            let unknown = try await fixture.send(
                .post, "/api/v2/clients", token: token, tenant: "alpha", json: #"{"name":"x","callback":[]}"#)
            #expect(((try unknown.json()["message"] as? String) ?? "").hasPrefix("Unknown field callback;"))
            #expect(try await fixture.server.services.storage.clients(tenantID: "alpha").count == 3)
            try ManagementFixture.expectRefused(
                try await fixture.send(
                    .patch, "/api/v2/clients/web", token: token, tenant: "alpha", json: #"{"name":""}"#),
                .badRequest, "invalid_body")
            #expect(try await fixture.server.services.storage.client("web", tenantID: "alpha")?.name == "Web app")
            #expect(try await fixture.auditActions("alpha").allSatisfy { !$0.hasPrefix("client.") })
        }
    }

    @Test func rotatingTheSecretStopsTheOldOneAtTheTokenEndpointAtOnce() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            let created = try await fixture.send(
                .post, "/api/v2/clients", token: token, tenant: "alpha",
                json: #"{"name":"Reporting job","app_type":"non_interactive"}"#)
            let id = try #require(try created.json()["client_id"] as? String)
            let oldSecret = try #require(try created.json()["client_secret"] as? String)
            let grant = try await fixture.send(
                .post, "/api/v2/client-grants", token: token, tenant: "alpha",
                json: #"{"client_id":"\#(id)","audience":"\#(LoginTestServer.audience)","scope":["read:data"]}"#)
            #expect(grant.status == .created)
            let form = { (secret: String) in
                [
                    "grant_type": "client_credentials", "client_id": id, "client_secret": secret,
                    "audience": LoginTestServer.audience,
                ]
            }
            #expect(try await fixture.server.tokenRequest("alpha", form: form(oldSecret)).status == .ok)

            let rotated = try await fixture.send(
                .post, "/api/v2/clients/\(id)/rotate-secret", token: token, tenant: "alpha")
            #expect(rotated.status == .ok)
            let newSecret = try #require(try rotated.json()["client_secret"] as? String)
            #expect(newSecret != oldSecret)
            #expect(try rotated.json()["client_id"] as? String == id)

            let withOld = try await fixture.server.tokenRequest("alpha", form: form(oldSecret))
            #expect(withOld.status == .unauthorized)
            #expect(try withOld.json()["error"] as? String == "invalid_client")
            #expect(try await fixture.server.tokenRequest("alpha", form: form(newSecret)).status == .ok)
            #expect(
                try await fixture.send(.get, "/api/v2/clients/\(id)", token: token, tenant: "alpha").json()[
                    "client_secret"] == nil)
            let events = try await fixture.auditEvents("alpha", action: "client.secret_rotated")
            #expect(events.map(\.target) == [id])
            #expect(events.allSatisfy { !$0.details.values.contains(newSecret) })
            try ManagementFixture.expectRefused(
                try await fixture.send(.post, "/api/v2/clients/nope/rotate-secret", token: token, tenant: "alpha"),
                .notFound, "inexistent_client")
        }
    }

    @Test func deletingAClientRevokesItsRefreshTokensAndGrants() async throws {
        try await Self.run { fixture in
            let server = fixture.server
            let tokens = try await server.logInForTokens(["audience": LoginTestServer.audience])
            let refreshToken = try #require(tokens["refresh_token"] as? String)
            let token = try await fixture.managerToken()
            #expect(
                try await fixture.send(.delete, "/api/v2/clients/spa", token: token, tenant: "alpha").status
                    == .noContent)
            let refreshed = try await server.tokenRequest(
                "alpha", form: ["grant_type": "refresh_token", "client_id": "spa", "refresh_token": refreshToken])
            #expect(refreshed.status != .ok)
            #expect(
                try await server.services.storage.refreshToken(hash: SecretDigest.hash(refreshToken), tenantID: "alpha")
                    == nil)

            #expect(
                try await fixture.send(.delete, "/api/v2/clients/m2m", token: token, tenant: "alpha").status
                    == .noContent)
            #expect(
                try await server.services.storage.clientGrant(
                    clientID: "m2m", audience: ManagementFixture.audience, tenantID: "alpha") == nil)
            #expect(try await fixture.machineToken().status == .unauthorized)
        }
    }

    @Test func scopesAndTenantsAreEnforced() async throws {
        try await Self.run { fixture in
            let storage = fixture.server.services.storage
            let reader = try await fixture.readerToken()
            for (method, path, json) in [
                (HTTPRequest.Method.get, "/api/v2/clients", nil), (.get, "/api/v2/clients/web", nil),
                (.post, "/api/v2/clients", #"{"name":"x"}"#), (.patch, "/api/v2/clients/web", #"{"name":"x"}"#),
                (.delete, "/api/v2/clients/web", nil), (.post, "/api/v2/clients/web/rotate-secret", nil),
            ] as [(HTTPRequest.Method, String, String?)] {
                try ManagementFixture.expectRefused(
                    try await fixture.send(method, path, token: reader, tenant: "alpha", json: json), .forbidden,
                    "insufficient_scope")
            }
            #expect(try await storage.client("web", tenantID: "alpha")?.name == "Web app")

            let manager = try await fixture.managerToken()
            let betaClient = try await ClientRegistrar(clients: storage, clock: fixture.server.services.clock).register(
                tenantID: "beta", name: "Beta only", appType: .machineToMachine)
            let betaID = betaClient.client.id
            try ManagementFixture.expectRefused(
                try await fixture.send(
                    .post, "/api/v2/clients", token: manager, tenant: "beta", json: #"{"name":"x"}"#),
                .forbidden, "forbidden_tenant")
            try ManagementFixture.expectRefused(
                try await fixture.send(.delete, "/api/v2/clients/\(betaID)", token: manager, tenant: "beta"),
                .forbidden, "forbidden_tenant")
            for (method, path, json) in [
                (HTTPRequest.Method.get, "/api/v2/clients/\(betaID)", nil),
                (.patch, "/api/v2/clients/\(betaID)", #"{"name":"taken over"}"#),
                (.post, "/api/v2/clients/\(betaID)/rotate-secret", nil), (.delete, "/api/v2/clients/\(betaID)", nil),
            ] as [(HTTPRequest.Method, String, String?)] {
                try ManagementFixture.expectRefused(
                    try await fixture.send(method, path, token: manager, tenant: "alpha", json: json), .notFound,
                    "inexistent_client")
            }
            let unchanged = try #require(try await storage.client(betaID, tenantID: "beta"))
            #expect(unchanged.name == "Beta only")
            #expect(unchanged.secretHash == betaClient.client.secretHash)
            #expect(try await storage.clients(tenantID: "beta").count == 3)
            #expect(try await fixture.auditActions("beta").allSatisfy { !$0.hasPrefix("client.") })
        }
    }
}
