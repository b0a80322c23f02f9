import AuthHeroCore
import Foundation
import Testing

@Suite struct CustomDomainChallengeTests {
    /// TXT records from a table; `failing` answers like a machine without DNS.
    private struct TableVerifier: DomainVerifier {
        var records: [String: [String]] = [:]
        var failing = false

        func txtRecords(for name: String) async throws -> [String] {
            if failing { throw DomainVerifierError.unavailable("no DNS here") }
            return records[name] ?? []
        }
    }

    private let domain = CustomDomain(
        domain: "auth.shop.com", tenantID: "shop", verificationToken: "tok3n", createdAt: Date())

    @Test func recordAtTheChallengeNameHoldingTheTokenProvesTheDomain() async {
        let verifier = TableVerifier(records: ["_authhero-challenge.auth.shop.com": ["other", "tok3n"]])
        #expect(await CustomDomainChallenge(verifier: verifier).check(domain) == .proven)
    }

    @Test func tokenPublishedElsewhereOrInsideALongerValueDoesNotProveIt() async {
        let verifier = TableVerifier(records: [
            "auth.shop.com": ["tok3n"], "_authhero-challenge.auth.shop.com": ["xtok3nx"],
        ])
        guard case .recordMissing(let message) = await CustomDomainChallenge(verifier: verifier).check(domain) else {
            Issue.record("expected a missing record")
            return
        }
        #expect(message.contains("_authhero-challenge.auth.shop.com") && message.contains("tok3n"))
    }

    @Test func lookupThatCannotRunIsReportedAsUnavailableNotAsMissing() async {
        let outcome = await CustomDomainChallenge(verifier: TableVerifier(failing: true)).check(domain)
        #expect(outcome == .lookupUnavailable(DomainVerifierError.unavailable("no DNS here").description))
    }
}
