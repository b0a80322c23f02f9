import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Fetches a JWKS with Foundation's `URLSession`, so verification needs no HTTP client dependency.
public struct URLSessionJWKSFetcher: JWKSFetcher {
    /// A JWKS holds a handful of keys; anything far larger is not a key set and is refused.
    public static let defaultMaximumBytes = 256 * 1024

    private let session: URLSession
    private let timeout: TimeInterval
    private let maximumBytes: Int

    /// Creates a fetcher; `timeout` bounds each request, `maximumBytes` the accepted body size.
    public init(session: URLSession = .shared, timeout: TimeInterval = 10, maximumBytes: Int = Self.defaultMaximumBytes)
    {
        self.session = session
        self.timeout = timeout
        self.maximumBytes = maximumBytes
    }

    /// Downloads `url`; throws ``TokenVerificationError/keysUnavailable(_:)`` on a non-200 answer or an oversized body.
    public func fetch(_ url: URL) async throws -> Data {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        let (data, response) = try await session.data(for: request)
        guard let status = (response as? HTTPURLResponse)?.statusCode, status == 200 else {
            let status = (response as? HTTPURLResponse).map { String($0.statusCode) } ?? "no HTTP status"
            throw TokenVerificationError.keysUnavailable(
                "\(url.absoluteString) answered \(status) instead of 200 with a JWKS")
        }
        guard data.count <= maximumBytes else {
            throw TokenVerificationError.keysUnavailable(
                "\(url.absoluteString) returned \(data.count) bytes; a JWKS larger than \(maximumBytes) bytes is refused"
            )
        }
        return data
    }
}
