import AuthHeroCore
import AuthHeroTesting
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The authorization code is single-use and bound to its client, redirect URI, PKCE verifier and tenant.
@Suite struct CodeExchangeTests {
    @Test func wrongVerifierIsInvalidGrant() async throws {
        try await LoginTestServer.run { server in
            let code = try await server.logInForCode(server.browser(), pkce: PKCEPair())
            let answer = try await server.exchange(code, verifier: PKCEPair().verifier)
            #expect(answer.status == .badRequest)
            #expect(try answer.json()["error"] as? String == "invalid_grant")
        }
    }

    @Test func missingVerifierIsInvalidGrant() async throws {
        try await LoginTestServer.run { server in
            let code = try await server.logInForCode(server.browser(), pkce: PKCEPair())
            let answer = try await server.exchange(code, verifier: nil)
            #expect(try answer.json()["error"] as? String == "invalid_grant")
        }
    }

    @Test func redirectURIMismatchAtTheTokenEndpointIsInvalidGrant() async throws {
        try await LoginTestServer.run { server in
            let pkce = PKCEPair()
            let code = try await server.logInForCode(server.browser(), pkce: pkce)
            let answer = try await server.exchange(
                code, verifier: pkce.verifier, redirectURI: "http://localhost:5173/other")
            #expect(try answer.json()["error"] as? String == "invalid_grant")
        }
    }

    @Test func aReplayedCodeIsRefusedAndRevokesTheTokensOfItsFirstUse() async throws {
        try await LoginTestServer.run { server in
            let pkce = PKCEPair()
            let code = try await server.logInForCode(server.browser(), pkce: pkce)
            let first = try await server.exchange(code, verifier: pkce.verifier)
            #expect(first.status == .ok)
            let refreshToken = try #require(try first.json()["refresh_token"] as? String)

            let replay = try await server.exchange(code, verifier: pkce.verifier)
            #expect(replay.status == .badRequest)
            #expect(try replay.json()["error"] as? String == "invalid_grant")

            let refresh = try await server.refresh(refreshToken)
            #expect(try refresh.json()["error"] as? String == "invalid_grant")
        }
    }

    @Test func aCodeOfOneTenantIsInvalidGrantAtAnother() async throws {
        try await LoginTestServer.run { server in
            let pkce = PKCEPair()
            let code = try await server.logInForCode(server.browser(), pkce: pkce)
            let answer = try await server.exchange(code, tenantID: "beta", verifier: pkce.verifier)
            #expect(try answer.json()["error"] as? String == "invalid_grant")
            #expect(try await server.exchange(code, verifier: pkce.verifier).status == .ok)
        }
    }

    @Test func aCodeCannotBeRedeemedByAnotherClient() async throws {
        try await LoginTestServer.run { server in
            let pkce = PKCEPair()
            let code = try await server.logInForCode(server.browser(), pkce: pkce)
            let answer = try await server.tokenRequest(
                "alpha",
                form: [
                    "grant_type": "authorization_code", "client_id": "web",
                    "client_secret": server.webSecrets["alpha"]!,
                    "code": code, "redirect_uri": LoginTestServer.callback, "code_verifier": pkce.verifier,
                ])
            #expect(try answer.json()["error"] as? String == "invalid_grant")
        }
    }

    @Test func anExpiredCodeIsInvalidGrant() async throws {
        try await LoginTestServer.run { server in
            let pkce = PKCEPair()
            let code = try await server.logInForCode(server.browser(), pkce: pkce)
            server.clock.advance(by: 120)
            #expect(
                try await server.exchange(code, verifier: pkce.verifier).json()["error"] as? String == "invalid_grant")
        }
    }

    @Test func theTokenEndpointAnswersCORSForTheClientsWebOrigin() async throws {
        try await LoginTestServer.run { server in
            let host = LoginTestServer.host("alpha")
            let preflight = try await server.browser().send(
                .options, "/oauth/token", host: host,
                headers: [
                    .origin: LoginTestServer.appOrigin, .accessControlRequestMethod: "POST",
                    .accessControlRequestHeaders: "content-type, auth0-client",
                ])
            #expect(preflight.head.headerFields[.accessControlAllowOrigin] == LoginTestServer.appOrigin)
            #expect(preflight.head.headerFields[.accessControlAllowHeaders]?.contains("Auth0-Client") == true)

            let error = try await server.tokenRequest(
                "alpha", form: ["grant_type": "authorization_code", "client_id": "spa", "code": "nope"],
                headers: [.origin: LoginTestServer.appOrigin])
            #expect(error.head.headerFields[.accessControlAllowOrigin] == LoginTestServer.appOrigin)

            let foreign = try await server.browser().send(
                .options, "/oauth/token", host: host, headers: [.origin: "https://evil.example"])
            #expect(foreign.head.headerFields[.accessControlAllowOrigin] == nil)
        }
    }
}
