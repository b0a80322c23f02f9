import AuthHeroVerify
import Foundation

/// What `token inspect` found: the token's header and claims as sent, and whether it verifies, with the
/// verifier's explanation when it does not (expired, wrong issuer, unknown `kid`, bad signature, `alg: none`,
/// wrong audience, ...).
struct TokenInspection: Sendable {
    /// The decoded header, pretty-printed JSON (nil when the segment is not JSON).
    let header: String?
    /// The decoded claims, pretty-printed JSON (nil when the segment is not JSON).
    let claims: String?
    /// `exp`, `iat` and `nbf` as dates, for reading.
    let times: [(name: String, date: Date)]
    /// Nil when the token verifies; otherwise why not.
    let problem: TokenVerificationError?

    /// Decodes `token` for display, then verifies it with `verifier`.
    static func inspect(_ token: String, with verifier: TokenVerifier) async -> TokenInspection {
        // Decoding here is for showing the token only; every decision is the verifier's (JWTKit underneath).
        let segments = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let header = segments.count == 3 ? Self.json(segments[0]) : nil
        let payload = segments.count == 3 ? Self.object(segments[1]) : nil
        let times = ["iat", "nbf", "exp"].compactMap { name -> (name: String, date: Date)? in
            (payload?[name] as? NSNumber).map { (name, Date(timeIntervalSince1970: $0.doubleValue)) }
        }
        var problem: TokenVerificationError?
        do {
            _ = try await verifier.verify(token)
        } catch {
            problem = error
        }
        return TokenInspection(
            header: header, claims: segments.count == 3 ? Self.json(segments[1]) : nil, times: times, problem: problem)
    }

    /// The report printed by `token inspect`.
    var text: String {
        var lines = ["Header:", header ?? "  (not a JSON object)", "Claims:", claims ?? "  (not a JSON object)"]
        for (name, date) in times { lines.append("\(name): \(date.formatted(.iso8601))") }
        if let problem {
            lines.append("INVALID: \(problem.description)")
        } else {
            lines.append("VALID: signature, issuer, audience and lifetime check out.")
        }
        return lines.joined(separator: "\n")
    }

    private static func object(_ segment: String) -> [String: Any]? {
        guard let data = base64URLDecode(segment) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    private static func json(_ segment: String) -> String? {
        guard let object = object(segment),
            let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    private static func base64URLDecode(_ segment: String) -> Data? {
        var base64 = segment.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
