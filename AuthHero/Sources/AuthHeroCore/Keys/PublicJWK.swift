/// A public key as published in `/.well-known/jwks.json` (RFC 7517), with `use: "sig"` which JWTKit's `JWK` lacks.
public struct PublicJWK: Codable, Sendable, Equatable {
    public var kty: String
    public var kid: String
    public var use: String
    public var alg: String
    public var n: String?
    public var e: String?
    public var crv: String?
    public var x: String?
    public var y: String?
    /// The key's certificate as one standard-base64 DER entry (RFC 7517 §4.7), as Auth0 publishes it.
    public var x5c: [String]?
    /// Base64url SHA-1 thumbprint of that certificate (RFC 7517 §4.8).
    public var x5t: String?

    /// Creates an RSA public JWK.
    public static func rsa(kid: String, modulus: String, exponent: String) -> PublicJWK {
        PublicJWK(kty: "RSA", kid: kid, use: "sig", alg: SigningAlgorithm.rs256.rawValue, n: modulus, e: exponent)
    }

    /// Creates a P-256 public JWK.
    public static func ec(kid: String, x: String, y: String) -> PublicJWK {
        PublicJWK(kty: "EC", kid: kid, use: "sig", alg: SigningAlgorithm.es256.rawValue, crv: "P-256", x: x, y: y)
    }

    private init(
        kty: String, kid: String, use: String, alg: String, n: String? = nil, e: String? = nil, crv: String? = nil,
        x: String? = nil, y: String? = nil
    ) {
        self.kty = kty
        self.kid = kid
        self.use = use
        self.alg = alg
        self.n = n
        self.e = e
        self.crv = crv
        self.x = x
        self.y = y
    }
}

/// The JSON document served at `/.well-known/jwks.json`.
public struct PublicJWKSet: Codable, Sendable, Equatable {
    public var keys: [PublicJWK]
    /// Creates a key set.
    public init(keys: [PublicJWK]) { self.keys = keys }
}
