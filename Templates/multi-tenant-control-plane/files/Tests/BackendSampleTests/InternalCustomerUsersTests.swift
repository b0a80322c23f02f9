import AuthHeroCore
import AuthHeroTesting
import Foundation
import Testing

@testable import BackendSample

/// `GET /internal/customers/:customerId/users` with real internal tokens, and its audit log.
@Suite struct InternalCustomerUsersTests {
    @Test func supportEngineerReadsAnyCustomerAndIsAudited() async throws {
        try await Scenario.run { scenario in
            let supportID = try await scenario.staff("support@platform.example", roleID: "rol_support")
            let token = try await scenario.controlPlane.logIn(
                email: "support@platform.example", audience: ControlPlaneSeed.internalAPI)
            let response = try await scenario.backend.get(scenario.internalUsersPath, token: token)
            #expect(response.status == .ok)
            let body = try JSONDecoder().decode(CustomerUsers.self, from: Data(response.text.utf8))
            #expect(body.tenantID == scenario.tenantID)
            #expect(Set(body.users.compactMap(\.email)) == Set(Scenario.customerEmails))

            let records = try AuditFile.records(scenario.backend.configuration.auditLogPath)
            #expect(records.count == 1)
            let record = try #require(records.first)
            #expect(record.action == "support_access")
            #expect(record.actor == supportID)
            #expect(record.clientID == ControlPlaneSeed.portalClientID)
            #expect(record.customer == scenario.organizationID)
            #expect(record.route == "GET \(scenario.internalUsersPath)")
            #expect(try Date(record.time, strategy: .iso8601).timeIntervalSinceNow.magnitude < 3600)
        }
    }

    @Test func theControlPlaneAuditsTheBackendsOwnCrossTenantRead() async throws {
        try await Scenario.run { scenario in
            let token = try await scenario.controlPlane.machineToken(
                audience: ControlPlaneSeed.internalAPI, scope: "support:access")
            let response = try await scenario.backend.get(scenario.internalUsersPath, token: token)
            #expect(response.status == .ok)
            let events = try await scenario.controlPlane.services.storage.events(tenantID: scenario.tenantID, limit: 10)
            #expect(events.contains { $0.actor == "\(ControlPlaneSeed.backendClientID)@clients" })
        }
    }

    @Test func unwritableAuditLogFailsClosedWithoutReadingData() async throws {
        // A directory cannot be opened for writing, even by root: the append fails however the tests are run.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try await Scenario.run(auditLogPath: directory.path) { scenario in
            _ = try await scenario.staff("support@platform.example", roleID: "rol_support")
            let token = try await scenario.controlPlane.logIn(
                email: "support@platform.example", audience: ControlPlaneSeed.internalAPI)
            let response = try await scenario.backend.get(scenario.internalUsersPath, token: token)
            #expect(response.status == .serviceUnavailable)
            #expect(try response.json()["error"] as? String == "audit_unavailable")
            for email in Scenario.customerEmails { #expect(!response.text.contains(email)) }
            let events = try await scenario.controlPlane.services.storage.events(tenantID: scenario.tenantID, limit: 10)
            #expect(!events.contains { $0.actor.hasSuffix("@clients") })
        }
    }

    @Test func internalTokenWithAnOrganizationIsRefused() async throws {
        try await Scenario.run { scenario in
            let token = try await scenario.controlPlane.logIn(
                email: Scenario.aliceEmail, audience: ControlPlaneSeed.internalAPI,
                organization: scenario.organizationID)
            let response = try await scenario.backend.get(scenario.internalUsersPath, token: token)
            #expect(response.status == .forbidden)
            #expect(try response.json()["error"] as? String == "access_denied")
            #expect(try AuditFile.records(scenario.backend.configuration.auditLogPath).isEmpty)
        }
    }

    @Test func organizationTokenOfTheSameCustomerIsRefused() async throws {
        try await Scenario.run { scenario in
            let token = try await scenario.controlPlane.logIn(
                email: Scenario.aliceEmail, audience: ControlPlaneSeed.managementAPI,
                organization: scenario.organizationID)
            let response = try await scenario.backend.get(scenario.internalUsersPath, token: token)
            #expect(response.status == .forbidden)
        }
    }

    @Test func internalTokenWithoutSupportAccessIsRefused() async throws {
        try await Scenario.run { scenario in
            let token = try await scenario.controlPlane.machineToken(
                audience: ControlPlaneSeed.internalAPI, scope: "analytics:read")
            let response = try await scenario.backend.get(scenario.internalUsersPath, token: token)
            #expect(response.status == .forbidden)
            #expect(try response.json()["error"] as? String == "insufficient_scope")
            #expect(try AuditFile.records(scenario.backend.configuration.auditLogPath).isEmpty)
        }
    }

    @Test func unknownCustomerIsNotFoundAfterBeingAudited() async throws {
        try await Scenario.run { scenario in
            let token = try await scenario.controlPlane.machineToken(
                audience: ControlPlaneSeed.internalAPI, scope: "support:access")
            let response = try await scenario.backend.get("/internal/customers/org_nobody/users", token: token)
            #expect(response.status == .notFound)
            #expect(
                try AuditFile.records(scenario.backend.configuration.auditLogPath).map(\.customer) == ["org_nobody"])
        }
    }
}

/// The audit log as written on disk.
enum AuditFile {
    /// Every line of the file as a record; none when the file does not exist.
    static func records(_ path: String) throws -> [AuditRecord] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").map {
            try JSONDecoder().decode(AuditRecord.self, from: Data($0.utf8))
        }
    }
}
