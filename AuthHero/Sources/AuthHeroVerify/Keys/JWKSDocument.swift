import Foundation
import JWTKit

/// Decodes a fetched JWKS document, keeping only keys that can verify signatures.
///
/// JWTKit's `JWKS` decoder fails the whole set on one key it does not model (a symmetric `oct` key, an
/// encryption-only `alg`), which would let one odd entry take every key offline. Each entry is therefore decoded
/// on its own: entries that are not public signature keys are dropped, so an `oct` secret published by mistake
/// can never be used to verify anything.
enum JWKSDocument {
    static func decode(_ data: Data, from url: URL) throws(TokenVerificationError) -> JWKS {
        do {
            let document = try JSONDecoder().decode(Document.self, from: data)
            return JWKS(keys: document.keys.compactMap(\.key))
        } catch {
            throw .keysUnavailable("\(url.absoluteString) did not return a JWKS document ({\"keys\": [...]})")
        }
    }

    private struct Document: Decodable {
        let keys: [Entry]
    }

    private struct Entry: Decodable {
        let key: JWK?

        private enum CodingKeys: String, CodingKey {
            case use
        }

        init(from decoder: any Decoder) throws {
            let use = try? decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .use)
            // RFC 7517 §4.2: a key published for encryption ("use": "enc") must not verify signatures.
            guard use == nil || use == "sig" else {
                key = nil
                return
            }
            key = try? JWK(from: decoder)
        }
    }
}
