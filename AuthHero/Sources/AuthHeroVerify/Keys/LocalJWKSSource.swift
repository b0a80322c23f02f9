import JWTKit

/// Keys read in-process, for example from the runtime's storage: no HTTP, no cache.
///
/// Use it when the resource server runs in the same process as the issuer (the Management API), so a key
/// rotation is visible to the very next request.
public struct LocalJWKSSource: JWKSSource {
    private let load: @Sendable () async throws -> JWKS

    /// Creates a source that calls `load` for every key lookup.
    public init(_ load: @escaping @Sendable () async throws -> JWKS) {
        self.load = load
    }

    /// Reads the keys again; `refresh` makes no difference for an in-process source.
    public func keySet(refresh: Bool) async throws -> JWKS {
        try await load()
    }
}
