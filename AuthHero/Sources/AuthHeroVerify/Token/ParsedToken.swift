import Foundation
import JWTKit

/// A token taken apart once: its checked header, the issuer that picks the keys, the claims, and the bytes the
/// signature covers. Nothing here is trusted until ``TokenVerifier`` has checked the signature.
struct ParsedToken {
    let header: TokenHeader
    let issuer: String
    /// Nil when the payload names an issuer but is not the claims of an access token (a claim of the wrong type);
    /// the verifier reports that after the signature, as JWTKit does.
    let claims: AccessTokenClaims?
    let signature: Data
    /// `header.payload`, the prefix up to the second period.
    let signingInput: ArraySlice<UInt8>

    init(_ token: String, acceptedAlgorithms: Set<String>) throws(TokenVerificationError) {
        let bytes = Array(token.utf8)
        let parser = DefaultJWTParser()
        let jwtHeader: JWTHeader
        let issuer: String?
        if let parsed = try? parser.parse(bytes, as: AccessTokenClaims.self) {
            (jwtHeader, issuer, claims) = (parsed.header, parsed.payload.iss, parsed.payload)
            signature = parsed.signature
        } else {
            do {
                let parsed = try parser.parse(bytes, as: UnverifiedIssuer.self)
                (jwtHeader, issuer, claims) = (parsed.header, parsed.payload.iss, nil)
                signature = parsed.signature
            } catch {
                throw .malformed("it is not a signed JWT (three base64url parts: header.payload.signature)")
            }
        }
        header = try TokenHeader(jwtHeader, acceptedAlgorithms: acceptedAlgorithms)
        guard let issuer else {
            throw .malformed("it has no \"iss\" (issuer) claim")
        }
        self.issuer = issuer
        // The parser accepted exactly three parts, so the last period ends the signing input.
        signingInput = bytes[..<(bytes.lastIndex(of: UInt8(ascii: ".")) ?? bytes.endIndex)]
    }
}
