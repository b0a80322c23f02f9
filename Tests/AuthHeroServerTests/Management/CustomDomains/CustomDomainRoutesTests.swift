import AuthHeroCore
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `/api/v2/custom-domains`: Auth0's shapes and status codes, verification through an in-memory TXT table, the
/// common refusals (scope, body, unknown id, other tenants) and an audit entry per write. Serialized like the other
/// Management API suites: each test starts a server and logs in.
@Suite(.serialized) struct CustomDomainRoutesTests {
    @Test func domainLifecycleFromPendingToReadyToDeleted() async throws {
        try await CustomDomainFixture.run { fixture in
            let token = try await fixture.management.managerToken()
            let created = try await fixture.create("auth.coffeeshop.test", token: token)
            #expect(created.status == .created)
            let body = try created.json()
            let id = try #require(body["custom_domain_id"] as? String)
            #expect(id.hasPrefix("cd_") && id.count == 19)
            #expect(body["domain"] as? String == "auth.coffeeshop.test")
            #expect(body["status"] as? String == "pending_verification")
            #expect(body["type"] as? String == "self_managed_certs")
            #expect(body["primary"] as? Bool == false)
            let methods = try #require((body["verification"] as? [String: Any])?["methods"] as? [[String: Any]])
            #expect(methods.count == 1)
            #expect(methods.first?["name"] as? String == "txt")
            #expect(methods.first?["domain"] as? String == "_authhero-challenge.auth.coffeeshop.test")
            let record = try #require(methods.first?["record"] as? String)
            #expect(record.count >= 32)

            let listed = try ManagementFixture.array(
                try await fixture.management.send(.get, "/api/v2/custom-domains", token: token, tenant: "alpha"))
            #expect(listed.map { $0["custom_domain_id"] as? String } == [id])
            let fetched = try await fixture.management.send(
                .get, "/api/v2/custom-domains/\(id)", token: token, tenant: "alpha")
            #expect(fetched.status == .ok)
            #expect(try fetched.json()["domain"] as? String == "auth.coffeeshop.test")

            let unproven = try await fixture.management.send(
                .post, "/api/v2/custom-domains/\(id)/verify", token: token, tenant: "alpha")
            #expect(unproven.status == .ok)
            #expect(try unproven.json()["status"] as? String == "pending_verification")
            let reason = (try unproven.json()["verification"] as? [String: Any])?["error_msg"] as? String
            #expect(reason?.contains("_authhero-challenge.auth.coffeeshop.test") == true)

            fixture.dns.publish(record, at: "_authhero-challenge.auth.coffeeshop.test")
            let proven = try await fixture.management.send(
                .post, "/api/v2/custom-domains/\(id)/verify", token: token, tenant: "alpha")
            #expect(proven.status == .ok)
            #expect(try proven.json()["status"] as? String == "ready")
            #expect((try proven.json()["verification"] as? [String: Any])?["error_msg"] == nil)
            #expect(try await fixture.storage.verifiedCustomDomain(host: "auth.coffeeshop.test")?.tenantID == "alpha")
            // The host now resolves to alpha (and is remembered as alpha's by the resolver) ...
            let browser = fixture.management.server.browser()
            let discovery = "/.well-known/openid-configuration"
            #expect(try await browser.get(discovery, host: "auth.coffeeshop.test").status == .ok)

            let deleted = try await fixture.management.send(
                .delete, "/api/v2/custom-domains/\(id)", token: token, tenant: "alpha")
            #expect(deleted.status == .noContent)
            // ... and stops resolving with the next request once the domain is deleted.
            #expect(try await browser.get(discovery, host: "auth.coffeeshop.test").status == .notFound)
            let gone = try await fixture.management.send(
                .get, "/api/v2/custom-domains/\(id)", token: token, tenant: "alpha")
            #expect(gone.status == .notFound)
            #expect(try ManagementFixture.errorCode(gone) == "inexistent_custom_domain")

            #expect(
                try await fixture.auditActions() == [
                    "custom_domain.created", "custom_domain.verification_failed", "custom_domain.verified",
                    "custom_domain.deleted",
                ])
            let events = try await fixture.storage.events(tenantID: "alpha", limit: 10)
            #expect(
                events.filter { $0.action.hasPrefix("custom_domain.") }.allSatisfy {
                    $0.actor == ManagementFixture.managerID && $0.target == id
                })
        }
    }

    @Test func aRecordWithTheWrongValueLeavesTheDomainPending() async throws {
        try await CustomDomainFixture.run { fixture in
            let token = try await fixture.management.managerToken()
            let id = try #require(
                try await fixture.create("auth.coffeeshop.test", token: token).json()["custom_domain_id"] as? String)
            fixture.dns.publish("someone-elses-token", at: "_authhero-challenge.auth.coffeeshop.test")
            let answer = try await fixture.management.send(
                .post, "/api/v2/custom-domains/\(id)/verify", token: token, tenant: "alpha")
            #expect(try answer.json()["status"] as? String == "pending_verification")
            #expect(try await fixture.storage.verifiedCustomDomain(host: "auth.coffeeshop.test") == nil)
        }
    }

    @Test func everyRouteNeedsItsScope() async throws {
        try await CustomDomainFixture.run { fixture in
            let existing = try await fixture.seedDomain("auth.coffeeshop.test", tenant: "alpha")
            // Alice's organization token for alpha holds read:users only.
            let token = try await fixture.management.controlPlaneToken(
                organization: ManagementFixture.alphaOrganization)
            let calls: [(HTTPRequest.Method, String, String?, String)] = [
                (.get, "/api/v2/custom-domains", nil, "read:custom_domains"),
                (.get, "/api/v2/custom-domains/\(existing.id)", nil, "read:custom_domains"),
                (
                    .post, "/api/v2/custom-domains", #"{"domain":"login.shop.test","type":"self_managed_certs"}"#,
                    "create:custom_domains"
                ),
                (.post, "/api/v2/custom-domains/\(existing.id)/verify", nil, "create:custom_domains"),
                (.delete, "/api/v2/custom-domains/\(existing.id)", nil, "delete:custom_domains"),
            ]
            for (method, path, json, scope) in calls {
                let answer = try await fixture.management.send(method, path, token: token, tenant: "alpha", json: json)
                #expect(answer.status == .forbidden, "\(method) \(path)")
                #expect(try ManagementFixture.errorCode(answer) == "insufficient_scope")
                #expect(try answer.json()["message"] as? String == "Insufficient scope, expected any of: \(scope)")
            }
            #expect(try await fixture.storage.customDomains(tenantID: "alpha") == [existing])
            #expect(try await fixture.auditActions().isEmpty)
        }
    }

    @Test(arguments: [
        "not json", "[]", "{}", #"{"domain":"auth.shop.test"}"#, #"{"type":"self_managed_certs"}"#,
        #"{"domain":5,"type":"self_managed_certs"}"#, #"{"domain":"auth.shop.test","type":"auth0_managed_certs"}"#,
        #"{"domain":"auth.shop.test","type":"self_managed_certs","custom_client_ip_header":"x"}"#,
        #"{"domain":"auth.shop.test","type":"self_managed_certs","verification_method":"cname"}"#,
        #"{"domain":"","type":"self_managed_certs"}"#, #"{"domain":"Auth.Shop.test","type":"self_managed_certs"}"#,
        #"{"domain":"auth.shop.test:443","type":"self_managed_certs"}"#,
        #"{"domain":"https://auth.shop.test/","type":"self_managed_certs"}"#,
        #"{"domain":"alpha.localhost","type":"self_managed_certs"}"#,
        #"{"domain":"localhost","type":"self_managed_certs"}"#, #"{"domain":"10.0.0.1","type":"self_managed_certs"}"#,
        #"{"domain":"\#(String(repeating: "a.", count: 200))test","type":"self_managed_certs"}"#,
        #"{"domain":"\#(String(repeating: "a", count: 70_000))","type":"self_managed_certs"}"#,
    ])
    func badBodyIsRefusedAndCreatesNothing(json: String) async throws {
        try await CustomDomainFixture.run { fixture in
            let token = try await fixture.management.managerToken()
            let answer = try await fixture.management.send(
                .post, "/api/v2/custom-domains", token: token, tenant: "alpha", json: json)
            #expect(answer.status == .badRequest)
            #expect(try ManagementFixture.errorCode(answer) == "invalid_body")
            #expect(try await fixture.storage.customDomains(tenantID: "alpha").isEmpty)
            #expect(try await fixture.auditActions().isEmpty)
        }
    }

    @Test func aDomainBelongsToOneTenant() async throws {
        try await CustomDomainFixture.run { fixture in
            _ = try await fixture.seedDomain("auth.coffeeshop.test", tenant: "beta", verified: true)
            _ = try await fixture.seedDomain("login.coffeeshop.test", tenant: "beta")
            let token = try await fixture.management.managerToken()
            for domain in ["auth.coffeeshop.test", "login.coffeeshop.test"] {
                let answer = try await fixture.create(domain, token: token)
                #expect(answer.status == .conflict)
                #expect(try ManagementFixture.errorCode(answer) == "custom_domain_conflict")
            }
            #expect(try await fixture.create("shop.coffeeshop.test", token: token).status == .created)
            #expect(try await fixture.create("shop.coffeeshop.test", token: token).status == .conflict)
            #expect(
                try await fixture.storage.customDomains(tenantID: "alpha").map(\.domain) == ["shop.coffeeshop.test"])
            #expect(try await fixture.storage.customDomains(tenantID: "beta").count == 2)
        }
    }

    @Test func aTenantHoldsAtMostTwentyDomains() async throws {
        try await CustomDomainFixture.run { fixture in
            for index in 0..<20 { _ = try await fixture.seedDomain("d\(index).shop.test", tenant: "alpha") }
            let answer = try await fixture.create(
                "one-more.shop.test", token: try await fixture.management.managerToken())
            #expect(answer.status == .conflict)
            #expect(try ManagementFixture.errorCode(answer) == "custom_domain_limit")
            #expect(try await fixture.storage.customDomains(tenantID: "alpha").count == 20)
        }
    }

    @Test func unknownIDIsNotFound() async throws {
        try await CustomDomainFixture.run { fixture in
            let token = try await fixture.management.managerToken()
            for (method, path) in [
                (HTTPRequest.Method.get, "/api/v2/custom-domains/cd_doesnotexist0000"),
                (.post, "/api/v2/custom-domains/cd_doesnotexist0000/verify"),
                (.delete, "/api/v2/custom-domains/cd_doesnotexist0000"),
            ] {
                let answer = try await fixture.management.send(method, path, token: token, tenant: "alpha")
                #expect(answer.status == .notFound, "\(method) \(path)")
                #expect(try ManagementFixture.errorCode(answer) == "inexistent_custom_domain")
            }
        }
    }

    @Test func anotherTenantsDomainsAreOutOfReach() async throws {
        try await CustomDomainFixture.run { fixture in
            let betas = try await fixture.seedDomain("auth.beta-shop.test", tenant: "beta")
            fixture.dns.publish("seeded", at: "_authhero-challenge.auth.beta-shop.test")
            let token = try await fixture.management.managerToken()
            // alpha's organization token aimed at beta: refused before any route runs.
            let aimed = try await fixture.create("evil.shop.test", token: token, tenant: "beta")
            #expect(aimed.status == .forbidden)
            #expect(try ManagementFixture.errorCode(aimed) == "forbidden_tenant")
            let listed = try await fixture.management.send(.get, "/api/v2/custom-domains", token: token, tenant: "beta")
            #expect(listed.status == .forbidden)
            // beta's id used at alpha: as if it did not exist, and nothing of beta's changes.
            for (method, path) in [
                (HTTPRequest.Method.get, "/api/v2/custom-domains/\(betas.id)"),
                (.post, "/api/v2/custom-domains/\(betas.id)/verify"), (.delete, "/api/v2/custom-domains/\(betas.id)"),
            ] {
                let answer = try await fixture.management.send(method, path, token: token, tenant: "alpha")
                #expect(answer.status == .notFound, "\(method) \(path)")
            }
            #expect(try await fixture.storage.customDomains(tenantID: "beta") == [betas])
            #expect(try await fixture.storage.customDomains(tenantID: "alpha").isEmpty)
            #expect(try await fixture.auditActions("beta").isEmpty)
            #expect(try await fixture.auditActions("alpha").isEmpty)
        }
    }

    @Test func theControlPlaneHasNoCustomDomains() async throws {
        try await CustomDomainFixture.run { fixture in
            let token = try await fixture.management.controlPlaneAdminToken()
            let answer = try await fixture.management.send(
                .post, "/api/v2/custom-domains", token: token,
                json: #"{"domain":"auth.platform.test","type":"self_managed_certs"}"#)
            #expect(answer.status == .forbidden)
            #expect(try ManagementFixture.errorCode(answer) == "operation_not_supported")
            let listed = try await fixture.management.send(.get, "/api/v2/custom-domains", token: token)
            #expect(listed.status == .ok)
            #expect(try ManagementFixture.array(listed).isEmpty)
            #expect(try await fixture.storage.customDomains(tenantID: ControlPlane.tenantID).isEmpty)
        }
    }
}
