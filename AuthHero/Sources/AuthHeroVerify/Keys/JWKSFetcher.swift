import Foundation

/// Downloads the raw bytes of a JWKS document; ``RemoteJWKSSource`` decodes and caches them.
///
/// Inject your own to count requests in tests or to use another HTTP client.
public protocol JWKSFetcher: Sendable {
    /// The body of a successful (200) response for `url`; throws on any other outcome.
    func fetch(_ url: URL) async throws -> Data
}
