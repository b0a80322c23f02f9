import JWTKit

/// Picks the JWK for a token's `kid` and `alg`, and turns it into a verifier of exactly that algorithm with exactly
/// that key.
///
/// The binding is explicit because JWTKit does not tie them together: its signers verify with whatever algorithm
/// they were built for without comparing it to the header, and its key collection falls back to a default key when
/// a `kid` is unknown. Here RS256 needs an `RSA` key, ES256 an `EC` key on P-256, and a key that declares its own
/// `alg` is used for that algorithm only.
enum SignatureKey {
    /// The keys in `keys` named `keyID`; empty when the `kid` is unknown.
    static func candidates(_ keyID: String, in keys: JWKS) -> [JWK] {
        keys.keys.filter { $0.keyIdentifier?.string == keyID }
    }

    /// The first candidate that may verify `algorithm`.
    static func compatibleKey(
        for algorithm: String, keyID: String, candidates: [JWK]
    ) throws(TokenVerificationError) -> JWK {
        guard let jwk = candidates.first(where: { isCompatible($0, with: algorithm) }) else {
            throw .keyAlgorithmMismatch(keyID: keyID, algorithm: algorithm)
        }
        return jwk
    }

    /// `jwk` as a verifier of `algorithm` alone. JWTKit builds it in a key collection, which is an actor; the
    /// algorithm taken out of it verifies without a hop onto that actor per token.
    static func verifier(
        for algorithm: String, keyID: String, jwk: JWK
    ) async throws(TokenVerificationError) -> any JWTAlgorithm {
        let collection = JWTKeyCollection()
        let kid = JWKIdentifier(string: keyID)
        do {
            switch algorithm {
            case "RS256":
                guard let modulus = jwk.modulus, let exponent = jwk.exponent else {
                    throw TokenVerificationError.keysUnavailable("the RSA key \"\(keyID)\" has no modulus or exponent")
                }
                // Only `n` and `e` are read: private parameters a JWKS should never carry are ignored.
                let key = try Insecure.RSA.PublicKey(modulus: modulus, exponent: exponent)
                await collection.add(rsa: key, digestAlgorithm: .sha256, kid: kid)
            case "ES256":
                guard let x = jwk.x, let y = jwk.y else {
                    throw TokenVerificationError.keysUnavailable("the EC key \"\(keyID)\" has no coordinates")
                }
                await collection.add(ecdsa: try ES256PublicKey(parameters: (x, y)), kid: kid)
            default:
                throw TokenVerificationError.algorithmNotAllowed(algorithm)
            }
            return try await collection.getKey(for: kid, alg: algorithm)
        } catch let error as TokenVerificationError {
            throw error
        } catch {
            // Includes RSA keys under 2048 bits, which JWTKit refuses.
            throw .keysUnavailable("the issuer's key \"\(keyID)\" is not a usable public key (\(error))")
        }
    }

    private static func isCompatible(_ jwk: JWK, with algorithm: String) -> Bool {
        if let declared = jwk.algorithm, declared.rawValue != algorithm {
            return false
        }
        switch algorithm {
        case "RS256":
            return jwk.keyType == .rsa
        case "ES256":
            return jwk.keyType == .ecdsa && jwk.curve == .ecdsa(.p256)
        default:
            return false
        }
    }
}
