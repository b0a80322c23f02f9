import JWTKit

/// Where a ``TokenVerifier`` gets the public keys of one issuer.
///
/// Conform to it to read keys from anywhere; ``LocalJWKSSource`` reads them in-process and
/// ``RemoteJWKSSource`` fetches and caches a JWKS URL.
public protocol JWKSSource: Sendable {
    /// The current key set.
    ///
    /// The verifier calls this with `refresh: false` for every token, and once more with `refresh: true` when the
    /// token's `kid` is not in the set (keys may have rotated). A remote source re-fetches at most once per its
    /// minimum interval; a local source simply reads again.
    func keySet(refresh: Bool) async throws -> JWKS
}
