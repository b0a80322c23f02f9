import AuthHeroCore
import Testing

@Suite struct SecretDigestTests {
    @Test func storedHashIsSHA256NotTheSecret() {
        let hash = SecretDigest.hash("abc")
        #expect(hash == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func onlyTheRightSecretMatches() {
        let stored = SecretDigest.hash("correct horse")
        #expect(SecretDigest.matches("correct horse", storedHash: stored))
        #expect(!SecretDigest.matches("correct horsf", storedHash: stored))
        #expect(!SecretDigest.matches("", storedHash: stored))
    }

    @Test func randomSecretsCarryAtLeast256Bits() {
        let secret = RandomToken.make()
        #expect(secret.count >= 43)
        #expect(secret != RandomToken.make())
    }

    @Test func randomTokensHaveExactlyTheRequestedBytes() throws {
        // Base64url without padding: 16 bytes → 22 characters, 5 → 7, 33 → 44.
        #expect(RandomToken.make(byteCount: 16).count == 22)
        #expect(RandomToken.make(byteCount: 5).count == 7)
        #expect(RandomToken.make(byteCount: 33).count == 44)
    }
}
