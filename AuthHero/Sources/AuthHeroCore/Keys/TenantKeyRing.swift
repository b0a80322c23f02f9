import Foundation
import JWTKit

/// A tenant's keys parsed once: the current signer per algorithm and the published public keys.
public struct TenantKeyRing: Sendable {
    /// Signers for the tenant's current keys, by `kid`.
    let collection: JWTKeyCollection
    /// The `kid` of the current key per algorithm.
    public let currentKeyIDs: [SigningAlgorithm: String]
    /// The keys verifiers may use now (current, plus previous ones within their grace period).
    public let publishedKeys: PublicJWKSet
    /// The published keys in JWTKit's form, for in-process verification; converted once per load, not per token.
    public let jwks: JWKS
    /// When this parsed view must be rebuilt (a grace period ends, or the cache interval passes).
    let validUntil: Date

    /// Parses the tenant's stored keys as seen at `now`.
    static func load(_ keys: [SigningKey], now: Date, cacheInterval: TimeInterval) async throws -> TenantKeyRing {
        let collection = JWTKeyCollection()
        var current: [SigningAlgorithm: String] = [:]
        var published: [PublicJWK] = []
        var validUntil = now + cacheInterval
        for key in keys where key.isPublished(at: now) {
            published.append(try KeyMaterial.publishedJWK(key))
            if key.status == .current {
                current[key.algorithm] = key.kid
                try await KeyMaterial.add(key, to: collection)
            }
            if key.status == .previous, let end = key.publishedUntil { validUntil = min(validUntil, end) }
        }
        let publishedKeys = PublicJWKSet(keys: published)
        return TenantKeyRing(
            collection: collection, currentKeyIDs: current, publishedKeys: publishedKeys,
            jwks: try JSONDecoder().decode(JWKS.self, from: JSONEncoder().encode(publishedKeys)), validUntil: validUntil
        )
    }

}
