import AuthHeroCore
import AuthHeroTesting
import Foundation

@testable import BackendSample

/// A SaaS platform's first customer, set up for real: a control plane, Alice signed up through the form, her tenant
/// "The Coffee Shop" created through `POST /api/v2/tenants` (she is its organization's admin), two of the shop's
/// own users in that tenant, and the backend sample running against the control plane's remote JWKS.
struct Scenario {
    static let aliceEmail = "alice@coffee.example"
    /// The users created in the customer tenant, by email.
    static let customerEmails = ["barista@coffee.example", "manager@coffee.example"]

    let controlPlane: ControlPlaneServer
    let backend: BackendSampleServer
    let aliceID: String
    /// Alice's portal token: the Management API, no organization.
    let alicePortalToken: String
    let organizationID: String
    let tenantID: String

    /// Sets the scenario up, runs `body`, and stops both servers. `auditLogPath` replaces the audit file in a fresh
    /// temporary folder (e.g. with a path that cannot be written); `clientSecret` replaces the backend's real secret.
    static func run(
        auditLogPath: String? = nil, clientSecret: String? = nil, _ body: @Sendable (Scenario) async throws -> Void
    ) async throws {
        let folder = try TemporaryFolder(prefix: "backend-audit")
        defer { folder.remove() }
        try await ControlPlaneServer.run { controlPlane in
            let (aliceID, portalToken) = try await controlPlane.signUp(email: aliceEmail)
            let (organizationID, tenantID) = try await controlPlane.createTenant(
                "coffee-shop", displayName: "The Coffee Shop", portalToken: portalToken)
            for (index, email) in customerEmails.enumerated() {
                try await controlPlane.services.storage.createUser(
                    User(
                        tenantID: tenantID, id: "auth0|customer-\(index)",
                        connection: TenantProvisioner.databaseConnection,
                        email: email, emailVerified: true, passwordHash: nil, createdAt: Date()),
                    tenantID: tenantID)
            }
            let configuration = try BackendConfiguration(
                issuer: ControlPlaneServer.issuer, controlPlaneURL: controlPlane.url,
                clientID: ControlPlaneSeed.backendClientID, clientSecret: clientSecret ?? controlPlane.backendSecret,
                auditLogPath: auditLogPath ?? folder.path("audit.jsonl"))
            try await BackendSampleServer.run(configuration) { backend in
                try await body(
                    Scenario(
                        controlPlane: controlPlane, backend: backend, aliceID: aliceID, alicePortalToken: portalToken,
                        organizationID: organizationID, tenantID: tenantID))
            }
        }
    }

    /// A control-plane user who signed up and holds `roleID` in Alice's organization (nil: a member without role).
    func member(_ email: String, roleID: String?) async throws -> String {
        let (userID, _) = try await controlPlane.signUp(email: email)
        let storage = controlPlane.services.storage
        let cp = ControlPlane.tenantID
        try await storage.addMember(
            OrganizationMembership(tenantID: cp, organizationID: organizationID, userID: userID, createdAt: Date()),
            tenantID: cp)
        if let roleID {
            try await storage.assignRole(
                UserRole(tenantID: cp, userID: userID, roleID: roleID, organizationID: organizationID), tenantID: cp)
        }
        return userID
    }

    /// A control-plane user who signed up and holds `roleID` globally (no organization), e.g. platform support.
    func staff(_ email: String, roleID: String) async throws -> String {
        let (userID, _) = try await controlPlane.signUp(email: email)
        try await controlPlane.services.storage.assignRole(
            UserRole(tenantID: ControlPlane.tenantID, userID: userID, roleID: roleID), tenantID: ControlPlane.tenantID)
        return userID
    }

    /// The backend's path for the users of the scenario's customer.
    var customerUsersPath: String { "/customers/\(organizationID)/users" }
    var internalUsersPath: String { "/internal/customers/\(organizationID)/users" }
}
