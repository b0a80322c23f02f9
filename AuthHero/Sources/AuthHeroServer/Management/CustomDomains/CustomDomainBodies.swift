/// The body of `POST /api/v2/custom-domains`. Auth0's `type` is required; only `self_managed_certs` is offered
/// (TLS ends at the operator's proxy, the platform holds no certificates). Unknown fields are refused, so a typo
/// is never silently dropped.
struct CreateCustomDomainBody: Decodable {
    static let shape = #"{"domain": string, "type": "self_managed_certs", "verification_method"?: "txt"}"#

    let domain: String
    let type: String
    let verificationMethod: String?

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case domain, type
        case verificationMethod = "verification_method"
    }

    init(from decoder: any Decoder) throws {
        let names = try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue)
        let known = Set(CodingKeys.allCases.map(\.rawValue))
        guard names.allSatisfy(known.contains) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "unknown field"))
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        domain = try container.decode(String.self, forKey: .domain)
        type = try container.decode(String.self, forKey: .type)
        verificationMethod = try container.decodeIfPresent(String.self, forKey: .verificationMethod)
    }

    /// Any JSON object key, to list the keys a body actually sent.
    private struct AnyKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
