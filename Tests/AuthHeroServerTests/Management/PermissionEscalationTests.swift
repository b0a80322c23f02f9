import AuthHeroCore
import AuthHeroServer
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Nobody hands out a Management API permission their own token lacks, through any route, platform staff included;
/// internal-API permissions are never handed out in a customer tenant. Each test replays an escalation over HTTP
/// with a token from the login form, checks the exact refusal, and that nothing was written.
/// Serialized: every test starts a server and logs in.
@Suite(.serialized) struct PermissionEscalationTests {
    /// Platform-only scopes a tenant administrator does not hold.
    private static let platformOnly = [
        "update:connections", "create:signing_keys", "update:tenant_settings", "create:resource_servers",
    ]
    private static let everything = ListWindow(offset: 0, limit: 100)

    /// Seeds the management fixture, and makes carol a tenant administrator of alpha's organization (the seed's
    /// `admin` scopes, as the creator of a tenant holds them).
    private static func run(_ body: @Sendable (ManagementFixture) async throws -> Void) async throws {
        try await LoginTestServer.run { server in
            let fixture = try await ManagementFixture.seed(server)
            let storage = server.services.storage
            let cp = ControlPlane.tenantID
            try await storage.createRole(Role(tenantID: cp, id: "rol_tenantAdmin", name: "admin"), tenantID: cp)
            try await storage.addPermissions(
                BuiltInManagementAPI.tenantAdministrationScopes.map {
                    RolePermission(
                        tenantID: cp, roleID: "rol_tenantAdmin", resourceServerIdentifier: ManagementFixture.audience,
                        permissionName: $0)
                },
                tenantID: cp)
            try await storage.addMember(
                OrganizationMembership(
                    tenantID: cp, organizationID: ManagementFixture.alphaOrganization, userID: "auth0|carol",
                    createdAt: server.services.clock.now()),
                tenantID: cp)
            try await storage.assignRole(
                UserRole(
                    tenantID: cp, userID: "auth0|carol", roleID: "rol_tenantAdmin",
                    organizationID: ManagementFixture.alphaOrganization),
                tenantID: cp)
            try await body(fixture)
        }
    }

    private static func tenantAdminToken(_ fixture: ManagementFixture) async throws -> String {
        try await fixture.controlPlaneToken(
            email: ManagementFixture.carolEmail, scope: "", organization: ManagementFixture.alphaOrganization)
    }

    /// Expects exactly Auth0's 403 `insufficient_scope` body with `message`.
    private static func expectInsufficientScope(
        _ response: TestClient.Response, _ message: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(response.status == .forbidden, sourceLocation: sourceLocation)
        let body = try response.json()
        #expect(body.keys.sorted() == ["error", "errorCode", "message", "statusCode"], sourceLocation: sourceLocation)
        #expect(body["statusCode"] as? Int == 403, sourceLocation: sourceLocation)
        #expect(body["error"] as? String == "Forbidden", sourceLocation: sourceLocation)
        #expect(body["errorCode"] as? String == "insufficient_scope", sourceLocation: sourceLocation)
        #expect(body["message"] as? String == message, sourceLocation: sourceLocation)
    }

    private static func permissionsBody(_ api: String, _ names: [String]) -> String {
        let items = names.map { #"{"resource_server_identifier":"\#(api)","permission_name":"\#($0)"}"# }
        return #"{"permissions":[\#(items.joined(separator: ","))]}"#
    }

    @Test func aTenantAdminCannotAddManagementPermissionsItLacksToARole() async throws {
        try await Self.run { fixture in
            let token = try await Self.tenantAdminToken(fixture)
            let created = try await fixture.send(
                .post, "/api/v2/roles", token: token, tenant: "alpha", json: #"{"name":"escalator"}"#)
            #expect(created.status == .ok)
            let roleID = try #require(try created.json()["id"] as? String)

            let added = try await fixture.send(
                .post, "/api/v2/roles/\(roleID)/permissions", token: token, tenant: "alpha",
                json: Self.permissionsBody(ManagementFixture.audience, Self.platformOnly + ["read:users"]))

            try Self.expectInsufficientScope(
                added,
                "A role may carry only Management API permissions your own token holds; it lacks "
                    + Self.platformOnly.joined(separator: " ") + ".")
            let stored = try await fixture.server.services.storage.permissions(
                ofRole: roleID, window: Self.everything, tenantID: "alpha")
            #expect(stored.items.isEmpty)
        }
    }

    @Test func aTenantAdminCannotAssignARoleGrantingMoreThanItHolds() async throws {
        try await Self.run { fixture in
            let storage = fixture.server.services.storage
            try await storage.createRole(Role(tenantID: "alpha", id: "rol_owner", name: "owner"), tenantID: "alpha")
            try await storage.addPermissions(
                ["read:users", "update:connections"].map {
                    RolePermission(
                        tenantID: "alpha", roleID: "rol_owner", resourceServerIdentifier: ManagementFixture.audience,
                        permissionName: $0)
                },
                tenantID: "alpha")
            let token = try await Self.tenantAdminToken(fixture)

            let assigned = try await fixture.send(
                .post, ManagementFixture.userPath("auth0|bob") + "/roles", token: token, tenant: "alpha",
                json: #"{"roles":["rol_owner"]}"#)

            try Self.expectInsufficientScope(
                assigned,
                "A role may be assigned only by a token holding every Management API permission it grants; it lacks "
                    + "update:connections.")
            let held = try await storage.roles(
                ofUser: "auth0|bob", organizationID: nil, window: Self.everything, tenantID: "alpha")
            #expect(held.items.isEmpty)
        }
    }

    @Test func staffCannotGiveThemselvesPlatformAdmin() async throws {
        try await Self.run { fixture in
            let storage = fixture.server.services.storage
            let cp = ControlPlane.tenantID
            for (roleID, permissions) in [
                ("rol_support", ["read:users", "update:users", "read:roles", "admin:tenants"]),
                ("rol_platform_admin", BuiltInManagementAPI.scopes + ["admin:tenants"]),
            ] {
                try await storage.createRole(Role(tenantID: cp, id: roleID, name: roleID), tenantID: cp)
                try await storage.addPermissions(
                    permissions.map {
                        RolePermission(
                            tenantID: cp, roleID: roleID, resourceServerIdentifier: ManagementFixture.audience,
                            permissionName: $0)
                    },
                    tenantID: cp)
            }
            try await storage.assignRole(
                UserRole(tenantID: cp, userID: "auth0|carol", roleID: "rol_support"), tenantID: cp)
            let token = try await fixture.controlPlaneToken(email: ManagementFixture.carolEmail, scope: "")

            let assigned = try await fixture.send(
                .post, ManagementFixture.userPath("auth0|carol") + "/roles", token: token,
                json: #"{"roles":["rol_platform_admin"]}"#)

            // The role's permissions are listed by name.
            let lacking = BuiltInManagementAPI.scopes.filter {
                !["read:users", "update:users", "read:roles"].contains($0)
            }
            .sorted()
            try Self.expectInsufficientScope(
                assigned,
                "A role may be assigned only by a token holding every Management API permission it grants; it lacks "
                    + lacking.joined(separator: " ") + ".")
            let held = try await storage.roles(
                ofUser: "auth0|carol", organizationID: nil, window: Self.everything, tenantID: cp)
            #expect(held.items.map(\.id) == ["rol_support"])
        }
    }

    @Test func organizationMemberRolesAreBoundByTheSameRule() async throws {
        try await Self.run { fixture in
            let storage = fixture.server.services.storage
            let cp = ControlPlane.tenantID
            try await storage.createRole(Role(tenantID: cp, id: "rol_members", name: "members"), tenantID: cp)
            try await storage.addPermissions(
                ["read:organizations", "create:organization_member_roles"].map {
                    RolePermission(
                        tenantID: cp, roleID: "rol_members", resourceServerIdentifier: ManagementFixture.audience,
                        permissionName: $0)
                },
                tenantID: cp)
            try await storage.assignRole(
                UserRole(tenantID: cp, userID: "auth0|carol", roleID: "rol_members"), tenantID: cp)
            let token = try await fixture.controlPlaneToken(email: ManagementFixture.carolEmail, scope: "")
            let alice = fixture.server.alice[cp]!

            let assigned = try await fixture.send(
                .post,
                "/api/v2/organizations/\(ManagementFixture.alphaOrganization)/members/"
                    + alice.replacingOccurrences(of: "|", with: "%7C") + "/roles",
                token: token, json: #"{"roles":["rol_staff"]}"#)

            try Self.expectInsufficientScope(
                assigned,
                "A role may be assigned only by a token holding every Management API permission it grants; it lacks "
                    + "admin:tenants read:users.")
            let held = try await storage.roles(
                ofUser: alice, organizationID: ManagementFixture.alphaOrganization, window: Self.everything,
                tenantID: cp)
            #expect(held.items.map(\.id) == ["rol_reader"])
        }
    }

    @Test func internalAPIPermissionsAreNeverGrantableInACustomerTenant() async throws {
        try await Self.run { fixture in
            let storage = fixture.server.services.storage
            try await storage.createResourceServer(
                ResourceServer(
                    tenantID: "alpha", id: "rs_internal", identifier: "internal:platform-api", name: "Platform API",
                    scopes: [ResourceServerScope(value: "support:access")], enforcePolicies: true),
                tenantID: "alpha")
            try await storage.createRole(Role(tenantID: "alpha", id: "rol_target", name: "target"), tenantID: "alpha")
            let token = try await fixture.managerToken()

            let added = try await fixture.send(
                .post, "/api/v2/roles/rol_target/permissions", token: token, tenant: "alpha",
                json: Self.permissionsBody("internal:platform-api", ["support:access"]))

            try Self.expectInsufficientScope(
                added,
                "Permissions on internal APIs are never granted in a customer tenant; refused internal:platform-api "
                    + "support:access.")
            let stored = try await storage.permissions(ofRole: "rol_target", window: Self.everything, tenantID: "alpha")
            #expect(stored.items.isEmpty)
        }
    }
}
