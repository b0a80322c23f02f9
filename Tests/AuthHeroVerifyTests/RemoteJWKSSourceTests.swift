import AuthHeroTesting
import AuthHeroVerify
import Foundation
import JWTKit
import Testing

/// The remote key cache: TTL, the unknown-`kid` refetch limit, failures, and what it keeps from a JWKS document.
struct RemoteJWKSSourceTests {
    let tenant = TestIssuer.tenantA
    let url = URL(string: "https://tenant-a.example.com/.well-known/jwks.json")!

    private func document(_ jwks: JWKS) throws -> Data {
        try JSONEncoder().encode(jwks)
    }

    private func source(_ fetcher: CountingFetcher, clock: ManualDurationClock) -> RemoteJWKSSource {
        RemoteJWKSSource(
            url: url, ttl: .seconds(600), minimumRefetchInterval: .seconds(30), fetcher: fetcher, clock: clock)
    }

    @Test func keysAreCachedForTheTTLThenFetchedAgain() async throws {
        let fetcher = CountingFetcher(serving: try document(tenant.jwks))
        let clock = ManualDurationClock()
        let verifier = tenant.verifier(keys: source(fetcher, clock: clock))
        let token = try await tenant.signRS256(tenant.claims)

        _ = try await verifier.verify(token)
        clock.advance(by: .seconds(599))
        _ = try await verifier.verify(token)
        #expect(fetcher.calls == 1)

        clock.advance(by: .seconds(1))
        _ = try await verifier.verify(token)
        #expect(fetcher.calls == 2)
    }

    @Test func unknownKidRefetchesAtMostOncePerInterval() async throws {
        let fetcher = CountingFetcher(serving: try document(tenant.jwks))
        let clock = ManualDurationClock()
        let verifier = tenant.verifier(keys: source(fetcher, clock: clock))
        let unknown = try await tenant.signRS256(tenant.claims, header: ["kid": .string("made-up")])

        // First token: initial fetch; the first unknown kid right after it is within the interval, so no refetch.
        for _ in 0..<20 {
            await #expect(throws: TokenVerificationError.unknownKeyID("made-up")) { try await verifier.verify(unknown) }
        }
        #expect(fetcher.calls == 1)

        clock.advance(by: .seconds(30))
        for _ in 0..<20 {
            await #expect(throws: TokenVerificationError.unknownKeyID("made-up")) { try await verifier.verify(unknown) }
        }
        #expect(fetcher.calls == 2)
    }

    @Test func rotatedKeyIsPickedUpByTheUnknownKidRefetch() async throws {
        let rotated = TestIssuer(issuer: tenant.issuer, rsaPEM: TestKeys.rsaX, keyPrefix: "a2")
        let fetcher = CountingFetcher(serving: try document(tenant.jwks))
        let clock = ManualDurationClock()
        let verifier = tenant.verifier(keys: source(fetcher, clock: clock))
        _ = try await verifier.verify(try await tenant.signRS256(tenant.claims))

        fetcher.serve(try document(JWKS(keys: tenant.jwks.keys + [rotated.rsaJWK])))
        clock.advance(by: .seconds(31))
        let verified = try await verifier.verify(try await rotated.signRS256(tenant.claims))
        #expect(verified.keyID == rotated.rsaKeyID)
        #expect(fetcher.calls == 2)
    }

    @Test func concurrentLookupsShareOneFetch() async throws {
        let fetcher = GatedFetcher(serving: try document(tenant.jwks))
        let keys = RemoteJWKSSource(url: url, fetcher: fetcher, clock: ManualDurationClock())
        let lookups = (0..<10).map { index in
            Task { try await keys.keySet(refresh: index.isMultiple(of: 2)).keys.count }
        }
        while fetcher.calls == 0 { await Task.yield() }
        // Give every other lookup the chance to reach the source while the first request is held open.
        for _ in 0..<1000 { await Task.yield() }
        await fetcher.open()
        for lookup in lookups {
            #expect(try await lookup.value == 2)
        }
        #expect(fetcher.calls == 1)
    }

    @Test func failedFetchIsKeysUnavailableAndNotRetriedWithinTheInterval() async throws {
        let fetcher = CountingFetcher(serving: try document(tenant.jwks))
        fetcher.fail(true)
        let clock = ManualDurationClock()
        let keys = source(fetcher, clock: clock)
        let verifier = tenant.verifier(keys: keys)
        let token = try await tenant.signRS256(tenant.claims)

        for _ in 0..<5 {
            guard case .keysUnavailable = await verifier.failure(token) else {
                Issue.record("verification must fail with keysUnavailable while the JWKS cannot be fetched")
                continue
            }
        }
        #expect(fetcher.calls == 1)

        fetcher.fail(false)
        clock.advance(by: .seconds(30))
        _ = try await verifier.verify(token)
        #expect(fetcher.calls == 2)
    }

    @Test func failedRefreshKeepsTheFreshKeys() async throws {
        let fetcher = CountingFetcher(serving: try document(tenant.jwks))
        let clock = ManualDurationClock()
        let verifier = tenant.verifier(keys: source(fetcher, clock: clock))
        let token = try await tenant.signRS256(tenant.claims)
        _ = try await verifier.verify(token)

        fetcher.fail(true)
        clock.advance(by: .seconds(60))
        await #expect(throws: TokenVerificationError.unknownKeyID("made-up")) {
            try await verifier.verify(try await tenant.signRS256(tenant.claims, header: ["kid": .string("made-up")]))
        }
        #expect(try await verifier.verify(token).keyID == tenant.rsaKeyID)
        #expect(fetcher.calls == 2)
    }

    @Test func symmetricOctKeyIsDroppedAndNeverUsed() async throws {
        let secret = Data("a shared secret that must never verify a token".utf8)
        let json = """
            {"keys": [
              {"kty": "oct", "kid": "shared", "alg": "HS256", "k": "\(secret.base64URL)"},
              {"kty": "oct", "kid": "\(tenant.rsaKeyID)", "k": "\(secret.base64URL)"},
              \(String(decoding: try JSONEncoder().encode(tenant.rsaJWK), as: UTF8.self))
            ]}
            """
        let keys = source(CountingFetcher(serving: Data(json.utf8)), clock: ManualDurationClock())
        let set = try await keys.keySet(refresh: false)
        #expect(set.keys.count == 1)
        #expect(set.keys.first?.keyType == .rsa)

        let verifier = tenant.verifier(keys: keys)
        #expect(try await verifier.verify(try await tenant.signRS256(tenant.claims)).keyID == tenant.rsaKeyID)
        let hmacToken = try RawToken.hs256(
            header: ["alg": "RS256", "kid": "shared"], claims: tenant.claims, secret: secret)
        await #expect(throws: TokenVerificationError.unknownKeyID("shared")) {
            try await verifier.verify(hmacToken)
        }
    }

    @Test func encryptionKeyIsNeverUsedForSignatures() async throws {
        var json = String(decoding: try JSONEncoder().encode(tenant.rsaJWK), as: UTF8.self)
        json.removeLast()
        let keys = source(
            CountingFetcher(serving: Data("{\"keys\": [\(json), \"use\": \"enc\"}]}".utf8)),
            clock: ManualDurationClock())
        await #expect(throws: TokenVerificationError.unknownKeyID(tenant.rsaKeyID)) {
            try await tenant.verifier(keys: keys).verify(try await tenant.signRS256(tenant.claims))
        }
    }

    @Test func documentThatIsNotAJWKSIsKeysUnavailable() async throws {
        let keys = source(CountingFetcher(serving: Data("<html>login</html>".utf8)), clock: ManualDurationClock())
        let token = try await tenant.signRS256(tenant.claims)
        guard case .keysUnavailable(let reason) = await tenant.verifier(keys: keys).failure(token) else {
            Issue.record("an HTML page is not a key set")
            return
        }
        #expect(reason.contains(url.absoluteString))
    }

    @Test func rsaKeyBelow2048BitsIsNotUsable() async throws {
        let weak = JWK.rsa(
            .rs256, identifier: JWKIdentifier(string: "weak"), modulus: TestKeys.weakRSAModulus,
            exponent: TestKeys.weakRSAExponent)
        let keys = LocalJWKSSource { JWKS(keys: [weak]) }
        let token = try RawToken.make(
            header: ["alg": "RS256", "kid": "weak"], claims: tenant.claims, signature: Data(count: 128))
        guard case .keysUnavailable = await tenant.verifier(keys: keys).failure(token) else {
            Issue.record("a 1024-bit RSA key must not verify")
            return
        }
    }

    @Test func tokenFromAnIssuerNotAcceptedFetchesNothing() async throws {
        let fetcher = CountingFetcher(serving: try document(tenant.jwks))
        let verifier = tenant.verifier(keys: source(fetcher, clock: ManualDurationClock()))
        let token = try await TestIssuer.tenantB.signRS256(TestIssuer.tenantB.claims)
        await #expect(
            throws: TokenVerificationError.issuerNotAccepted(TestIssuer.tenantB.issuer, accepted: [tenant.issuer])
        ) {
            try await verifier.verify(token)
        }
        #expect(fetcher.calls == 0)
    }

    @Test func localSourceFailureIsKeysUnavailable() async throws {
        struct StorageDown: Error {}
        let keys = LocalJWKSSource { throw StorageDown() }
        let token = try await tenant.signRS256(tenant.claims)
        guard case .keysUnavailable(let reason) = await tenant.verifier(keys: keys).failure(token) else {
            Issue.record("a failing key source must give keysUnavailable")
            return
        }
        #expect(reason.contains("StorageDown"))
    }
}
