import AuthHeroCore
import AuthHeroServer
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `GET`/`PATCH /api/v2/tenants/settings`: the friendly name and the two organization flags, under Auth0-style
/// names, without disturbing the `/api/v2/tenants/{id}` routes.
@Suite(.serialized) struct TenantSettingsRoutesTests {
    private static func run(_ body: @Sendable (ManagementFixture) async throws -> Void) async throws {
        try await LoginTestServer.run { server in try await body(try await ManagementFixture.seed(server)) }
    }

    @Test func settingsAreReadAndChanged() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            let read = try await fixture.send(.get, "/api/v2/tenants/settings", token: token, tenant: "alpha")
            #expect(read.status == .ok)
            #expect(try read.json()["friendly_name"] as? String == "alpha")
            #expect(
                try read.json()["flags"] as? [String: Bool] == [
                    "allow_organization_name_in_authentication_api": false,
                    "allow_global_roles_in_organizations": false,
                ])
            let patched = try await fixture.send(
                .patch, "/api/v2/tenants/settings", token: token, tenant: "alpha",
                json:
                    #"{"friendly_name":"Alpha Coffee","flags":{"allow_organization_name_in_authentication_api":true}}"#)
            #expect(patched.status == .ok)
            #expect(try patched.json()["friendly_name"] as? String == "Alpha Coffee")
            #expect(
                try patched.json()["flags"] as? [String: Bool] == [
                    "allow_organization_name_in_authentication_api": true, "allow_global_roles_in_organizations": false,
                ])
            let tenant = try #require(try await fixture.server.services.storage.tenant("alpha"))
            #expect(tenant.friendlyName == "Alpha Coffee")
            #expect(tenant.settings.allowOrganizationNameInToken)
            #expect(!tenant.settings.inheritGlobalPermissionsInOrganizations)
            #expect(tenant.provisioningState == .ready || tenant.provisioningState == .pending)
            let second = try await fixture.send(
                .patch, "/api/v2/tenants/settings", token: token, tenant: "alpha",
                json: #"{"flags":{"allow_global_roles_in_organizations":true}}"#)
            #expect(try second.json()["friendly_name"] as? String == "Alpha Coffee")
            #expect(
                try await fixture.server.services.storage.tenant("alpha")?.settings
                    .inheritGlobalPermissionsInOrganizations == true)
            let events = try await fixture.auditEvents("alpha", action: "tenant_settings.updated")
            #expect(events.count == 2)
            #expect(events.allSatisfy { $0.target == "alpha" && $0.actor == ManagementFixture.managerID })
            let beta = try #require(try await fixture.server.services.storage.tenant("beta"))
            #expect(beta.friendlyName == "beta" && !beta.settings.allowOrganizationNameInToken)
        }
    }

    @Test func theOrganizationNameFlagTakesEffectAtAuthorize() async throws {
        try await Self.run { fixture in
            let path = LoginTestServer.authorizePath(pkce: PKCEPair(), ["organization": "acme"])
            let before = try await fixture.server.browser().get(path, host: LoginTestServer.host("alpha"))
            #expect(before.redirectQuery["error"] == "invalid_request")
            let token = try await fixture.managerToken()
            let patched = try await fixture.send(
                .patch, "/api/v2/tenants/settings", token: token, tenant: "alpha",
                json: #"{"flags":{"allow_organization_name_in_authentication_api":true}}"#)
            #expect(patched.status == .ok)
            let after = try await fixture.server.browser().get(path, host: LoginTestServer.host("alpha"))
            #expect(after.status == .found)
            #expect(after.location?.hasPrefix("/u/login?state=") == true)
        }
    }

    @Test func settingsIsNotReadAsATenantID() async throws {
        try await Self.run { fixture in
            let admin = try await fixture.controlPlaneAdminToken()
            let settings = try await fixture.send(.get, "/api/v2/tenants/settings", token: admin)
            #expect(settings.status == .ok)
            #expect(try settings.json()["friendly_name"] as? String == ControlPlane.tenantID)
            #expect(try settings.json()["flags"] is [String: Bool])
            let tenants = try await fixture.send(.get, "/api/v2/tenants", token: admin)
            #expect(tenants.status == .ok)
            #expect(try ManagementFixture.array(tenants).allSatisfy { $0["tenant_id"] != nil })
            try ManagementFixture.expectRefused(
                try await fixture.send(.delete, "/api/v2/tenants/settings", token: admin), .methodNotAllowed,
                "operation_not_supported")
            let portal = try await fixture.controlPlaneToken()
            try ManagementFixture.expectRefused(
                try await fixture.post("/api/v2/tenants", token: portal, json: #"{"name":"settings"}"#), .badRequest,
                "invalid_body")
            let created = try await fixture.post("/api/v2/tenants", token: portal, json: #"{"name":"settings-shop"}"#)
            #expect(created.status == .created)
            #expect(
                try await fixture.send(.delete, "/api/v2/tenants/settings-shop", token: admin).status == .noContent)
            #expect(try await fixture.server.services.storage.tenant("settings-shop") == nil)
            let storage = fixture.server.services.storage
            #expect(try await storage.tenant("alpha") != nil)
            #expect(try await storage.tenant("beta") != nil)
            #expect(try await storage.tenant(ControlPlane.tenantID)?.friendlyName == ControlPlane.tenantID)
        }
    }

    @Test func malformedPatchesAreRefusedAndChangeNothing() async throws {
        try await Self.run { fixture in
            let token = try await fixture.managerToken()
            let before = try #require(try await fixture.server.services.storage.tenant("alpha"))
            for body in [
                "{", "[]", #"{"friendly_name":""}"#, #"{"friendly_name":"  "}"#, #"{"friendly_name":7}"#,
                #"{"friendly_name":"\#(String(repeating: "f", count: 256))"}"#, #"{"support_email":"a@b.co"}"#,
                #"{"flags":{"enable_sso":true}}"#, #"{"flags":{"allow_global_roles_in_organizations":"yes"}}"#,
                #"{"flags":true}"#, #"{"settings":{"key_rotation_grace_seconds":1}}"#,
            ] {
                try ManagementFixture.expectRefused(
                    try await fixture.send(
                        .patch, "/api/v2/tenants/settings", token: token, tenant: "alpha", json: body),
                    .badRequest, "invalid_body")
            }
            #expect(try await fixture.server.services.storage.tenant("alpha") == before)
            #expect(try await fixture.auditEvents("alpha", action: "tenant_settings.updated").isEmpty)
        }
    }

    @Test func scopesAndTenantsAreEnforced() async throws {
        try await Self.run { fixture in
            let storage = fixture.server.services.storage
            let reader = try await fixture.readerToken()
            try ManagementFixture.expectRefused(
                try await fixture.send(.get, "/api/v2/tenants/settings", token: reader, tenant: "alpha"), .forbidden,
                "insufficient_scope")
            try ManagementFixture.expectRefused(
                try await fixture.send(
                    .patch, "/api/v2/tenants/settings", token: reader, tenant: "alpha", json: #"{"friendly_name":"x"}"#),
                .forbidden, "insufficient_scope")
            let manager = try await fixture.managerToken()
            let beta = try #require(try await storage.tenant("beta"))
            try ManagementFixture.expectRefused(
                try await fixture.send(
                    .patch, "/api/v2/tenants/settings", token: manager, tenant: "beta",
                    json: #"{"flags":{"allow_global_roles_in_organizations":true}}"#),
                .forbidden, "forbidden_tenant")
            #expect(try await storage.tenant("beta") == beta)
            #expect(try await storage.tenant("alpha")?.friendlyName == "alpha")
        }
    }
}
