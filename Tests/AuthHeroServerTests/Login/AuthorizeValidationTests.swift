import AuthHeroTesting
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// `/authorize` refuses what it cannot trust on a page, and redirects only to a validated callback.
@Suite struct AuthorizeValidationTests {
    @Test func unknownClientIsShownOnAPageNotRedirected() async throws {
        try await LoginTestServer.run { server in
            let path = LoginTestServer.authorizePath(pkce: PKCEPair(), ["client_id": "nobody"])
            let answer = try await server.browser().get(path, host: LoginTestServer.host("alpha"))
            #expect(answer.status == .badRequest)
            #expect(answer.location == nil)
            #expect(answer.text.contains("Unknown client: nobody"))
        }
    }

    @Test func redirectURIMismatchIsShownOnAPageNotRedirected() async throws {
        try await LoginTestServer.run { server in
            for attacker in [
                "https://evil.example/callback", LoginTestServer.callback + "/../steal", LoginTestServer.callback + "x",
            ] {
                let path = LoginTestServer.authorizePath(pkce: PKCEPair(), ["redirect_uri": attacker])
                let answer = try await server.browser().get(path, host: LoginTestServer.host("alpha"))
                #expect(answer.status == .badRequest)
                #expect(answer.location == nil)
                #expect(answer.text.contains("not an allowed callback URL"))
            }
        }
    }

    @Test func aPublicClientWithoutPKCEIsRefused() async throws {
        try await LoginTestServer.run { server in
            let answer = try await server.browser().get(
                LoginTestServer.authorizePath(pkce: nil), host: LoginTestServer.host("alpha"))
            #expect(answer.status == .found)
            #expect(answer.redirectQuery["error"] == "invalid_request")
            #expect(answer.redirectQuery["error_description"]?.contains("PKCE") == true)
        }
    }

    @Test func thePlainChallengeMethodIsRefused() async throws {
        try await LoginTestServer.run { server in
            let answer = try await server.browser().get(
                LoginTestServer.authorizePath(pkce: PKCEPair(), ["code_challenge_method": "plain"]),
                host: LoginTestServer.host("alpha"))
            #expect(answer.redirectQuery["error"] == "invalid_request")
        }
    }

    @Test func pageErrorsEscapeWhatTheRequestSent() async throws {
        try await LoginTestServer.run { server in
            let path = LoginTestServer.authorizePath(pkce: PKCEPair(), ["client_id": "<script>alert(1)</script>"])
            let answer = try await server.browser().get(path, host: LoginTestServer.host("alpha"))
            #expect(!answer.text.contains("<script>alert(1)"))
            #expect(answer.text.contains("&lt;script&gt;alert(1)"))
        }
    }
}
