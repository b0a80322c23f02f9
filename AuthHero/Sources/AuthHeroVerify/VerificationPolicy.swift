/// What a resource server accepts: which issuers, which audiences, which signature algorithms, how much clock skew.
public struct VerificationPolicy: Sendable {
    /// The algorithms this module can verify. `none` and the HMAC family (`HS*`) are never accepted: a public key
    /// must never double as a shared secret.
    public static let supportedAlgorithms: Set<String> = ["RS256", "ES256"]

    /// Exact `iss` strings accepted, trailing slash included (`https://tenant.example.com/`).
    public var issuers: Set<String>
    /// The token's `aud` (a string or an array) must contain at least one of these.
    public var audiences: Set<String>
    /// The allow-list of header `alg` values; only its intersection with ``supportedAlgorithms`` is ever used.
    public var algorithms: Set<String>
    /// Tolerated clock skew between issuer and resource server, applied to `exp`, `nbf` and `iat`.
    public var leeway: Duration

    /// Creates a policy; with the defaults only RS256 and ES256 tokens are accepted, with one minute of skew.
    public init(
        issuers: Set<String>,
        audiences: Set<String>,
        algorithms: Set<String> = Self.supportedAlgorithms,
        leeway: Duration = .seconds(60)
    ) {
        self.issuers = issuers
        self.audiences = audiences
        self.algorithms = algorithms
        self.leeway = leeway
    }

    /// The algorithms actually accepted: the allow-list, minus anything this module refuses on principle.
    var acceptedAlgorithms: Set<String> {
        algorithms.intersection(Self.supportedAlgorithms)
    }
}
