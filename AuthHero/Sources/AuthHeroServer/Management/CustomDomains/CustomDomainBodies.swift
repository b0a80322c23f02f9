import OpenAPIKit

/// The body of `POST /api/v2/custom-domains`. Auth0's `type` is required; only `self_managed_certs` is offered
/// (TLS ends at the operator's proxy, the platform holds no certificates).
struct CreateCustomDomainBody: ManagementBody {
    static let schemaName = "CreateCustomDomain"
    static let shape = #"{"domain": string, "type": "self_managed_certs", "verification_method"?: "txt"}"#
    static var schema: JSONSchema {
        SpecSchema.strictBody([
            "domain": .string(minLength: 1),
            "type": .string(allowedValues: [AnyCodable(CustomDomainRules.selfManagedCertificates)]),
            "verification_method": .string(required: false, allowedValues: ["txt"]),
        ])
    }

    let domain: String
    let type: String
    let verificationMethod: String?

    private enum CodingKeys: String, CodingKey {
        case domain, type
        case verificationMethod = "verification_method"
    }
}
