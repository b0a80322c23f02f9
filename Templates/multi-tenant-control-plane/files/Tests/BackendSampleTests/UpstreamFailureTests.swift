import AuthHeroTesting
import Foundation
import Hummingbird
import Testing

@testable import BackendSample

/// When the control plane fails, callers get a 502 JSON error naming what failed, never a 500 or a hang.
@Suite struct UpstreamFailureTests {
    @Test func rejectedClientCredentialsAreABadGatewayAfterTheAudit() async throws {
        try await Scenario.run(clientSecret: "not-the-secret") { scenario in
            let token = try await scenario.controlPlane.machineToken(
                audience: ControlPlaneSeed.internalAPI, scope: "support:access")
            let response = try await scenario.backend.get(scenario.internalUsersPath, token: token)
            #expect(response.status == .badGateway)
            let json = try response.json()
            #expect(json["error"] as? String == "upstream_error")
            #expect((json["error_description"] as? String)?.contains("/oauth/token answered 401") == true)
            #expect(!response.text.contains("not-the-secret"))
            #expect(try AuditFile.records(scenario.backend.configuration.auditLogPath).count == 1)
        }
    }

    @Test func customerAPITokenReadFailsAsBadGatewayWhenTheBackendCannotAuthenticate() async throws {
        try await Scenario.run(clientSecret: "not-the-secret") { scenario in
            let token = try await scenario.controlPlane.logIn(
                email: Scenario.aliceEmail, audience: ControlPlaneSeed.customerAPI,
                organization: scenario.organizationID)
            let response = try await scenario.backend.get(scenario.customerUsersPath, token: token)
            #expect(response.status == .badGateway)
            #expect(try response.json()["error"] as? String == "upstream_error")
        }
    }

    @Test func failingKeyEndpointIsABadGateway() async throws {
        try await ControlPlaneServer.run { controlPlane in
            let token = try await controlPlane.machineToken(audience: ControlPlaneSeed.internalAPI)
            try await FailingServer.run { failingURL in
                let configuration = try BackendConfiguration(
                    issuer: ControlPlaneServer.issuer, controlPlaneURL: failingURL,
                    clientID: ControlPlaneSeed.backendClientID, clientSecret: controlPlane.backendSecret)
                try await BackendSampleServer.run(configuration) { backend in
                    let response = try await backend.get("/internal/analytics/tenants", token: token)
                    #expect(response.status == .badGateway)
                    let json = try response.json()
                    #expect(json["error"] as? String == "upstream_error")
                    #expect((json["error_description"] as? String)?.contains("JWKS") == true)
                    #expect(!response.text.contains("127.0.0.1"))
                }
            }
        }
    }
}

/// A stand-in control plane on 127.0.0.1 (port 0) that answers 503 to everything.
enum FailingServer {
    static func run(_ body: @Sendable (URL) async throws -> Void) async throws {
        let router = Router()
        router.get("**") { _, _ -> Response in Response(status: .serviceUnavailable) }
        try await withRunningServer { onServerRunning in
            Application(
                router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                onServerRunning: { await onServerRunning($0.localAddress?.port ?? 0) },
                logger: .quiet("failing-server"))
        } _: { port in
            try await body(URL(string: "http://127.0.0.1:\(port)/")!)
        }
    }
}
