import Foundation

/// Why a token was refused. Each case's ``description`` is a user-facing explanation: what is wrong and how to
/// fix it, written for the developer who sent the token (a resource server answers it as `invalid_token`).
public enum TokenVerificationError: Error, Equatable, CustomStringConvertible {
    /// Not a well-formed JWS compact token, or a header / claim this module refuses (the reason says which).
    case malformed(String)
    /// The header `alg` is not on the allow-list (`none` and `HS*` never are).
    case algorithmNotAllowed(String)
    /// The key named by the `kid` exists but is for another algorithm than the header's `alg`.
    case keyAlgorithmMismatch(keyID: String, algorithm: String)
    /// No key of the issuer has this `kid`, even after a refresh.
    case unknownKeyID(String)
    /// The signature does not match the header and payload.
    case badSignature
    /// `exp` (plus leeway) has passed.
    case expired(Date)
    /// `nbf` (minus leeway) is still in the future.
    case notYetValid(Date)
    /// `iat` is further in the future than the leeway allows.
    case issuedInFuture(Date)
    /// The token's `iss` is not one this API accepts.
    case issuerNotAccepted(String, accepted: [String])
    /// None of the token's `aud` values is an audience of this API.
    case audienceNotAccepted([String], accepted: [String])
    /// The issuer's keys could not be loaded (network, storage, or a document that is not a JWKS).
    case keysUnavailable(String)

    /// The explanation shown to the caller.
    public var description: String {
        switch self {
        case .malformed(let reason):
            "The token is malformed: \(reason). Send the access token exactly as the token endpoint returned it."
        case .algorithmNotAllowed(let algorithm):
            "The token is signed with \"\(Self.quote(algorithm))\", which this API does not accept; tokens must be signed "
                + "with RS256 or ES256 by the tenant's own keys."
        case .keyAlgorithmMismatch(let keyID, let algorithm):
            "The key \"\(Self.quote(keyID))\" is not a \(Self.quote(algorithm)) key; the token's header names an algorithm "
                + "its key was not published for."
        case .unknownKeyID(let keyID):
            "No signing key \"\(Self.quote(keyID))\" is published by the issuer: the keys were rotated, or the token "
                + "comes from another tenant. Get a new token from this API's tenant."
        case .badSignature:
            "The token's signature does not match its content: it was altered, or signed by another tenant's key."
        case .expired(let date):
            "The token expired at \(Self.format(date)). Get a new token (refresh it or sign in again)."
        case .notYetValid(let date):
            "The token is not valid before \(Self.format(date)). Check the clocks of the issuer and this server."
        case .issuedInFuture(let date):
            "The token claims to be issued at \(Self.format(date)), in the future. Check the clocks of the issuer and "
                + "this server."
        case .issuerNotAccepted(let issuer, let accepted):
            "The token was issued by \"\(Self.quote(issuer))\"; this API accepts \(Self.list(accepted)). Get the token "
                + "from this API's tenant (the issuer must match byte for byte, trailing slash included)."
        case .audienceNotAccepted(let audiences, let accepted):
            "The token is for \(audiences.isEmpty ? "no audience" : Self.list(audiences)), not for this API. Request "
                + "the token with audience=\(accepted.sorted().first.map(Self.quote) ?? "<this API's identifier>")."
        case .keysUnavailable(let reason):
            "The issuer's signing keys could not be loaded: \(reason). Try again later."
        }
    }

    /// Token-supplied strings are echoed back to the caller: cap them so a crafted token cannot bloat the answer.
    private static func quote(_ value: String) -> String {
        value.count > 100 ? value.prefix(100) + "…" : value
    }

    private static func list(_ values: [String]) -> String {
        let shown = values.sorted().prefix(5).map { "\"\(quote($0))\"" }.joined(separator: ", ")
        return values.count > 5 ? shown + " and \(values.count - 5) more" : shown
    }

    private static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
