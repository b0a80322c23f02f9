import Foundation
import JWTKit

/// Built verification keys, kept so a verifier does not parse the same public key for every token (building an
/// RSA key from `n`/`e` costs several times the signature check itself).
///
/// Entries are keyed by issuer, algorithm, `kid` and the key material, and used only after the issuer's current key
/// set has named that very key: a rotated-out or revoked key drops out of the key set, so its entry is never
/// reached again, and a reused `kid` with new material gets a new entry. The cache is bounded; when full it starts
/// over, which costs one rebuild per live key. Verifiers built per request (one per tenant pair) share one cache
/// through ``TokenVerifier/init(policy:keysByIssuer:now:keyCache:)``.
public final class VerificationKeyCache: @unchecked Sendable {
    struct Entry: Hashable {
        let issuer: String
        let algorithm: String
        let keyID: String
        let material: [String]
    }

    private let lock = NSLock()
    private var algorithms: [Entry: any JWTAlgorithm] = [:]
    private let capacity: Int

    /// Creates an empty cache holding at most `capacity` keys.
    public init(capacity: Int = 256) { self.capacity = capacity }

    /// The cached verifying algorithm for `entry`, or the one `build` makes (then cached).
    func algorithm(
        for entry: Entry, build: () async throws(TokenVerificationError) -> any JWTAlgorithm
    ) async throws(TokenVerificationError) -> any JWTAlgorithm {
        if let cached = lock.withLock({ algorithms[entry] }) { return cached }
        let built = try await build()
        lock.withLock {
            if algorithms.count >= capacity { algorithms.removeAll(keepingCapacity: true) }
            algorithms[entry] = built
        }
        return built
    }

    /// The public parameters that identify a JWK's key material.
    static func material(of jwk: JWK) -> [String] {
        [jwk.modulus, jwk.exponent, jwk.x, jwk.y].map { $0 ?? "" }
    }
}
