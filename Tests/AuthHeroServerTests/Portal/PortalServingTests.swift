import AuthHeroCore
import AuthHeroServer
import AuthHeroTesting
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The portal's static files over real HTTP: served at the control plane's `/portal/` from the configured folder,
/// with a strict Content-Security-Policy, and nowhere else.
@Suite struct PortalServingTests {
    private static let cpHost = LoginTestServer.host(ControlPlane.tenantID)
    private static let page = "<!DOCTYPE html><title>Portal</title><script type=\"module\" src=\"app.js\"></script>"

    /// A portal folder with `index.html` and `app.js`, served by a fresh server.
    private static func run(_ body: @Sendable (LoginTestServer) async throws -> Void) async throws {
        let folder = try TemporaryFolder(prefix: "portal")
        defer { folder.remove() }
        try Data(page.utf8).write(to: folder.url.appendingPathComponent("index.html"))
        try Data("export const ready = true;\n".utf8).write(to: folder.url.appendingPathComponent("app.js"))
        let site = PortalSite(folder: folder.url.path, relativeTo: URL(fileURLWithPath: "/"))
        try await LoginTestServer.run(portal: site) { server in try await body(server) }
    }

    private static func text(_ response: TestClient.Response) -> String {
        String(buffer: response.body ?? ByteBuffer())
    }

    @Test func theControlPlaneServesThePortalsIndexAndModules() async throws {
        try await Self.run { server in
            let index = try await server.browser().get("/portal/", host: Self.cpHost)
            #expect(index.status == .ok)
            #expect(Self.text(index) == Self.page)
            #expect(index.headers[.contentType]?.hasPrefix("text/html") == true)
            let module = try await server.browser().get("/portal/app.js", host: Self.cpHost)
            #expect(module.status == .ok)
            #expect(module.headers[.contentType]?.contains("javascript") == true)
        }
    }

    @Test func everyPortalResponseCarriesAStrictContentSecurityPolicy() async throws {
        try await Self.run { server in
            for path in ["/portal/", "/portal/app.js"] {
                let response = try await server.browser().get(path, host: Self.cpHost)
                let policy = try #require(response.headers[.contentSecurityPolicy])
                #expect(policy.contains("default-src 'none'"))
                #expect(policy.contains("script-src 'self'"))
                #expect(policy.contains("frame-ancestors 'none'"))
                #expect(
                    !policy.contains("unsafe-inline") && !policy.contains("http"), "no inline script, no remote origin")
                #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            }
        }
    }

    @Test func theBarePathRedirectsToTheFolderSoRelativeModulesResolve() async throws {
        try await Self.run { server in
            let response = try await server.browser().get("/portal", host: Self.cpHost)
            #expect(response.status == .movedPermanently)
            #expect(response.headers[.location] == "/portal/")
        }
    }

    @Test func aCustomerTenantsHostDoesNotServeThePortal() async throws {
        try await Self.run { server in
            for path in ["/portal/", "/portal/app.js"] {
                let response = try await server.browser().get(path, host: LoginTestServer.host("alpha"))
                #expect(response.status == .notFound)
                #expect(!Self.text(response).contains("Portal"))
            }
        }
    }

    @Test func aMissingFileIsANotFoundAndNothingOutsideTheFolderIsReached() async throws {
        try await Self.run { server in
            let missing = try await server.browser().get("/portal/nothing.js", host: Self.cpHost)
            #expect(missing.status == .notFound)
            let escape = try await server.browser().get("/portal/%2E%2E/%2E%2E/etc/passwd", host: Self.cpHost)
            #expect(escape.status == .badRequest || escape.status == .notFound)
            #expect(!Self.text(escape).contains("root:"))
        }
    }

    @Test func withoutAPortalTheControlPlaneAnswersNotFound() async throws {
        try await LoginTestServer.run { server in
            let response = try await server.browser().get("/portal/", host: Self.cpHost)
            #expect(response.status == .notFound)
        }
    }

    @Test func configNamesThePortalClientTheIssuerAndTheAudience() async throws {
        try await Self.run { server in
            let missing = try await server.browser().get("/portal/config.json", host: Self.cpHost)
            #expect(missing.status == .notFound)
            #expect(Self.text(missing).contains("run the seed"))

            let registration = try await ClientRegistrar(clients: server.services.storage, clock: server.clock)
                .register(
                    tenantID: ControlPlane.tenantID, name: ControlPlaneSeed.portalClientName, appType: .spa,
                    callbacks: [LoginTestServer.baseURL + "portal/"])
            let config = try await server.browser().get("/portal/config.json", host: Self.cpHost)
            #expect(config.status == .ok)
            let body = try config.json()
            #expect(body["client_id"] as? String == registration.client.id)
            #expect(body["domain"] as? String == "http://localhost:3000")
            #expect(body["audience"] as? String == BuiltInManagementAPI.identifier)
            #expect(config.headers[.contentSecurityPolicy] != nil)

            let elsewhere = try await server.browser().get("/portal/config.json", host: LoginTestServer.host("alpha"))
            #expect(elsewhere.status == .notFound)
        }
    }
}
