import AuthHeroCore
import Testing

@Suite struct PlatformHostsTests {
    @Test func controlPlaneIssuerIsTheBaseURLWithTrailingSlash() throws {
        #expect(
            try PlatformHosts(baseURL: "http://localhost:3000", development: true).controlPlaneIssuer
                == "http://localhost:3000/")
        #expect(
            try PlatformHosts(baseURL: "https://auth.example.com/", development: false).controlPlaneIssuer
                == "https://auth.example.com/")
    }

    @Test func subdomainIssuerKeepsSchemeAndPortOfTheBaseURL() throws {
        let hosts = try PlatformHosts(baseURL: "http://localhost:3000/", development: true)
        #expect(hosts.subdomainIssuer(tenantID: "coffee-shop") == "http://coffee-shop.localhost:3000/")
        #expect(hosts.subdomainIssuer(tenantID: "coffee-shop", scheme: "https") == "https://coffee-shop.localhost/")
    }

    @Test func baseURLWithPathIsRefused() {
        #expect(throws: PlatformHostsError.self) {
            try PlatformHosts(baseURL: "http://localhost:3000/auth", development: true)
        }
        #expect(throws: PlatformHostsError.self) { try PlatformHosts(baseURL: "ftp://localhost", development: true) }
    }

    @Test func customDomainMayNotBeOrSitUnderTheBaseHost() throws {
        let hosts = try PlatformHosts(baseURL: "https://auth.example.com/", development: false)
        #expect(throws: PlatformHostsError.self) { try hosts.validateCustomDomain("auth.example.com") }
        #expect(throws: PlatformHostsError.self) { try hosts.validateCustomDomain("shop.auth.example.com") }
        #expect(throws: PlatformHostsError.self) { try hosts.validateCustomDomain("Login.Shop.com") }
        #expect(throws: PlatformHostsError.self) { try hosts.validateCustomDomain("localhost") }
        try hosts.validateCustomDomain("login.shop.com")
    }

    @Test func customDomainIsAHostNameNotAnAddressNorOverlong() throws {
        let hosts = try PlatformHosts(baseURL: "https://auth.example.com/", development: false)
        #expect(throws: PlatformHostsError.self) { try hosts.validateCustomDomain("10.0.0.1") }
        #expect(throws: PlatformHostsError.self) { try hosts.validateCustomDomain("shop") }
        #expect(throws: PlatformHostsError.self) { try hosts.validateCustomDomain("login..shop.com") }
        let overlong = Array(repeating: String(repeating: "a", count: 50), count: 6).joined(separator: ".") + ".com"
        #expect(throws: PlatformHostsError.self) { try hosts.validateCustomDomain(overlong) }
        try hosts.validateCustomDomain("login.shop1.com")
    }

    @Test func tenantNamesAreDNSLabels() {
        #expect(TenantName.isValidLabel("coffee-shop"))
        #expect(!TenantName.isValidLabel("-shop"))
        #expect(!TenantName.isValidLabel("Shop"))
        #expect(!TenantName.isValidLabel("shop.evil"))
        #expect(!TenantName.isValidLabel(String(repeating: "a", count: 51)))
    }
}
