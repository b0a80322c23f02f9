import AuthHeroCore
import Testing

@Suite struct TrustedProxiesTests {
    @Test func withoutTrustedProxiesThePeerIsTheClient() {
        #expect(TrustedProxies.none.clientAddress(peer: "10.0.0.5", forwardedFor: ["203.0.113.1"]) == "10.0.0.5")
    }

    @Test func theRightMostUntrustedHopIsTheClient() throws {
        let proxies = try TrustedProxies(list: "10.0.0.0/8, fd00::/8")
        #expect(
            proxies.clientAddress(peer: "10.0.0.5", forwardedFor: ["192.0.2.1, 203.0.113.9", "10.1.2.3"])
                == "203.0.113.9")
        #expect(proxies.clientAddress(peer: "fd00::1", forwardedFor: ["2001:DB8:0:0::1"]) == "2001:db8::1")
        #expect(proxies.clientAddress(peer: "10.0.0.5", forwardedFor: []) == "10.0.0.5")
        #expect(proxies.clientAddress(peer: "10.0.0.5", forwardedFor: ["10.9.9.9"]) == "10.9.9.9")
        // A peer outside the list is the client, whatever it forwards.
        #expect(proxies.clientAddress(peer: "198.51.100.1", forwardedFor: ["10.0.0.1"]) == "198.51.100.1")
    }

    @Test func blocksMatchByPrefix() throws {
        let proxies = try TrustedProxies(cidrs: ["192.0.2.128/25", "::ffff:198.51.100.7"])
        #expect(proxies.contains("192.0.2.200"))
        #expect(!proxies.contains("192.0.2.127"))
        #expect(proxies.contains("198.51.100.7"))
        #expect(!proxies.contains("198.51.100.8"))
        #expect(!proxies.contains("not an address"))
    }

    @Test func aMalformedEntryIsNamed() {
        #expect(throws: TrustedProxiesError.invalidEntry("10.0.0.0/33")) { try TrustedProxies(list: "10.0.0.0/33") }
        #expect(throws: TrustedProxiesError.invalidEntry("proxy.local")) { try TrustedProxies(list: "proxy.local") }
    }
}
