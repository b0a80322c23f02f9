import AuthHeroCore
import AuthHeroServer
import AuthHeroTesting
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// `seed` makes platform staff only of an account it created itself, or of one an operator names with
/// `--promote-existing`: with open sign-up, whoever registers the administrator's email first must not become staff.
@Suite struct SeedPromotionTests {
    static let adminEmail = "ops@example.com"

    func settings(promoteExisting: String? = nil) -> ControlPlaneSeedSettings {
        ControlPlaneSeedSettings(
            baseURL: LoginTestServer.baseURL, adminEmail: "Ops@Example.com", adminPassword: "the operator's password",
            passwordHasher: PasswordHasher(cost: 4), promoteExisting: promoteExisting)
    }

    func seed(_ server: LoginTestServer) -> ControlPlaneSeed {
        ControlPlaneSeed(storage: server.services.storage, keys: server.services.keys, clock: server.services.clock)
    }

    /// Signs `email` up at the control plane through the sign-up form; returns its user id.
    func signUp(_ server: LoginTestServer, email: String) async throws -> String {
        let browser = server.browser()
        let host = LoginTestServer.host(ControlPlane.tenantID)
        let pkce = PKCEPair()
        let loginForm = try await server.openLoginPage(
            browser, tenantID: ControlPlane.tenantID, authorizePath: LoginTestServer.authorizePath(pkce: pkce))
        let page = try await browser.get(
            loginForm.action.replacingOccurrences(of: "/u/login", with: "/u/signup"), host: host)
        let form = try #require(HTMLForm(html: page.text))
        let created = try await server.submit(
            form, browser, tenantID: ControlPlane.tenantID, email: email, password: "the stranger's password")
        #expect(created.status == .found)
        let user = try await server.services.storage.user(
            email: email, connection: "Username-Password-Authentication", tenantID: ControlPlane.tenantID)
        return try #require(user).id
    }

    func roles(_ server: LoginTestServer, _ userID: String) async throws -> [String] {
        try await server.services.storage.roles(
            ofUser: userID, organizationID: nil, window: ListWindow(offset: 0, limit: 100),
            tenantID: ControlPlane.tenantID
        ).items.map(\.id)
    }

    @Test func anAccountSignedUpWithTheAdministratorsEmailFirstIsNotPromoted() async throws {
        try await LoginTestServer.run { server in
            let stranger = try await signUp(server, email: Self.adminEmail)
            let storage = server.services.storage
            let clientsBefore = try await storage.clients(tenantID: ControlPlane.tenantID).map(\.id)

            await #expect {
                try await seed(server).run(settings())
            } throws: { error in
                guard case .existingAccountNotPromoted(let email, let userID, _) = error as? ControlPlaneSeedError
                else {
                    return false
                }
                return email == Self.adminEmail && userID == stranger
                    && String(describing: error).contains("--promote-existing ops@example.com")
            }

            #expect(try await roles(server, stranger).isEmpty)
            #expect(try await storage.role(ControlPlaneSeed.adminRoleID, tenantID: ControlPlane.tenantID) == nil)
            #expect(try await storage.clients(tenantID: ControlPlane.tenantID).map(\.id) == clientsBefore)
        }
    }

    @Test func promoteExistingNamesTheAccountToPromote() async throws {
        try await LoginTestServer.run { server in
            let operatorAccount = try await signUp(server, email: Self.adminEmail)

            let result = try await seed(server).run(settings(promoteExisting: "OPS@example.com"))

            #expect(result.adminUserID == operatorAccount && !result.createdAdmin)
            #expect(try await roles(server, operatorAccount) == [ControlPlaneSeed.adminRoleID])
        }
    }

    @Test func promoteExistingForAnotherEmailPromotesNobody() async throws {
        try await LoginTestServer.run { server in
            let stranger = try await signUp(server, email: Self.adminEmail)

            await #expect(throws: ControlPlaneSeedError.self) {
                try await seed(server).run(settings(promoteExisting: "someone-else@example.com"))
            }

            #expect(try await roles(server, stranger).isEmpty)
        }
    }

    @Test func theAccountSeedCreatedIsPromotedAgainOnEveryRun() async throws {
        try await LoginTestServer.run { server in
            let first = try await seed(server).run(settings())
            let second = try await seed(server).run(settings())

            #expect(first.createdAdmin && !second.createdAdmin && second.adminUserID == first.adminUserID)
            #expect(try await roles(server, first.adminUserID) == [ControlPlaneSeed.adminRoleID])
        }
    }
}
