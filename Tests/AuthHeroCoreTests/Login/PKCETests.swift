import AuthHeroCore
import Testing

@Suite struct PKCETests {
    @Test func theRFC7636VectorVerifies() {
        let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
        #expect(PKCE.challengeFor(verifier: verifier) == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
        #expect(PKCE.verify(verifier: verifier, challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"))
    }

    @Test func anotherVerifierFails() {
        #expect(
            !PKCE.verify(
                verifier: String(repeating: "a", count: 43), challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"))
    }

    @Test func theChallengeItselfIsNotAVerifier() {
        let challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        #expect(!PKCE.verify(verifier: challenge, challenge: challenge))
    }

    @Test func malformedVerifiersFail() {
        let short = "abc"
        #expect(!PKCE.verify(verifier: short, challenge: PKCE.challengeFor(verifier: short)))
        let spaced = String(repeating: "a b", count: 20)
        #expect(!PKCE.verify(verifier: spaced, challenge: PKCE.challengeFor(verifier: spaced)))
    }
}
