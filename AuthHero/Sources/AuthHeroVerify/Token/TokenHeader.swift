import JWTKit

/// The JOSE header of a token, checked before any key is looked up.
struct TokenHeader {
    /// `typ` values accepted: RFC 9068 access tokens (`at+jwt`, also in its `application/` form) and the generic
    /// `JWT` that Auth0 and many issuers put on access tokens. A token without `typ` is accepted as a plain JWT
    /// (RFC 7519 §5.1 makes it optional). Any other type (`logout+jwt`, `dpop+jwt`, `secevent+jwt`, ...) is a JWT
    /// made for another purpose and is refused, so it cannot be replayed as an access token.
    static let acceptedTypes: Set<String> = ["jwt", "at+jwt", "application/jwt", "application/at+jwt"]

    let algorithm: String
    let keyID: String

    /// Validates `header` against the accepted algorithms.
    init(_ header: JWTHeader, acceptedAlgorithms: Set<String>) throws(TokenVerificationError) {
        guard let algorithm = header.alg else {
            throw .malformed("the header has no \"alg\"")
        }
        // The allow-list comes first: `none` and `HS256` (the public key used as an HMAC secret) stop here.
        guard acceptedAlgorithms.contains(algorithm) else {
            throw .algorithmNotAllowed(algorithm)
        }
        // Without a `kid` a verifier would have to guess the key; a token that names no key is refused.
        guard let keyID = header.kid, !keyID.isEmpty else {
            throw .malformed("the header has no \"kid\" naming the signing key")
        }
        // RFC 7515 §4.1.11: a recipient that does not understand every `crit` extension must reject the token; this
        // module implements none.
        if header.fields["crit"] != nil {
            throw .malformed("the header lists critical extensions (\"crit\") this API does not implement")
        }
        if let type = header.fields["typ"] {
            guard let type = header.typ, Self.acceptedTypes.contains(type.lowercased()) else {
                throw .malformed("the header type (\"typ\") is \(type) and not an access token type (at+jwt or JWT)")
            }
        }
        self.algorithm = algorithm
        self.keyID = keyID
    }
}
