import Crypto
import Foundation

/// Builds tokens by hand, for headers and signatures no honest signer would produce.
enum RawToken {
    /// `header.payload.` with the claims encoded as JWTKit encodes them; append a signature to finish the token.
    static func signingInput(header: [String: Any], claims: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        let headerJSON = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
        return headerJSON.base64URL + "." + (try encoder.encode(claims)).base64URL
    }

    /// A token with `header` and `claims` and the given signature bytes (empty for an unsigned token).
    static func make(header: [String: Any], claims: some Encodable, signature: Data = Data()) throws -> String {
        try signingInput(header: header, claims: claims) + "." + signature.base64URL
    }

    /// A token MAC'd with HMAC-SHA256 under `secret`, whatever `header` claims.
    static func hs256(header: [String: Any], claims: some Encodable, secret: Data) throws -> String {
        let input = try signingInput(header: header, claims: claims)
        let mac = HMAC<SHA256>.authenticationCode(for: Data(input.utf8), using: SymmetricKey(data: secret))
        return input + "." + Data(mac).base64URL
    }
}
