import AuthHeroCore
import AuthHeroServer
import AuthHeroTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `POST /api/v2/tenants` beyond the creations allowed in progress is answered 429 and records nothing.
@Suite struct TenantProvisioningLimitsTests {
    @Test func creationsInProgressAreCappedPerAddress() async throws {
        let (entered, enteredSignal) = AsyncStream.makeStream(of: Void.self)
        let (releases, releaseSignal) = AsyncStream.makeStream(of: Void.self)
        var plugin = MultiTenancyPlugin()
        plugin.hooks.tenantCreated = { creation, tenant in
            // The first tenant's provisioning waits for the test, so it is in progress while the next one arrives.
            if creation.tenant.id == "coffee-shop" {
                enteredSignal.yield()
                for await _ in releases { break }
            }
            try await MultiTenancyHooks.copySyncableSet(creation, tenant)
        }
        let limits = ProvisioningLimits(pendingPerAddress: 1, pendingTotal: 8)
        try await LoginTestServer.run(multiTenancy: plugin, provisioning: limits) { server in
            let fixture = try await ManagementFixture.seed(server)
            let portal = try await fixture.controlPlaneToken()
            let first = Task {
                try await fixture.post(
                    "/api/v2/tenants", token: portal, json: #"{"name":"coffee-shop","display_name":"Coffee"}"#)
            }
            var iterator = entered.makeAsyncIterator()
            _ = await iterator.next()
            let refused = try await fixture.post(
                "/api/v2/tenants", token: portal, json: #"{"name":"tea-house","display_name":"Tea"}"#)
            #expect(refused.status == .tooManyRequests)
            let error = try refused.json()
            #expect(error["statusCode"] as? Int == 429)
            #expect(error["errorCode"] as? String == "too_many_pending_tenants")
            #expect(
                error["message"] as? String
                    == "Too many tenants are being created right now. Wait for yours to finish, then try again in a minute."
            )
            #expect(try await server.services.storage.tenant("tea-house") == nil)
            releaseSignal.yield()
            #expect(try await first.value.status == .created)
            let again = try await fixture.post(
                "/api/v2/tenants", token: portal, json: #"{"name":"tea-house","display_name":"Tea"}"#)
            #expect(again.status == .created)
        }
    }
}
