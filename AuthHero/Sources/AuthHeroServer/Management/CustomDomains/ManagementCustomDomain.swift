import AuthHeroCore

/// A custom domain in Auth0's shape: `{custom_domain_id, domain, primary, status, type, verification: {methods:
/// [{name: "txt", record, domain}]}}`. `status` is `pending_verification` until the TXT record is proven, then
/// `ready`. `primary` is always false: every verified domain of a tenant serves alike, none is preferred.
struct ManagementCustomDomain: Encodable, Sendable {
    let customDomainID: String
    let domain: String
    let primary: Bool
    let status: String
    let type: String
    let verification: Verification

    /// How to prove the domain, and (after a failed `verify`) why it is not proven yet.
    struct Verification: Encodable, Sendable {
        let methods: [Method]
        let errorMessage: String?

        private enum CodingKeys: String, CodingKey {
            case methods
            case errorMessage = "error_msg"
        }
    }

    /// One way to prove the domain: publish a TXT record named `domain` with the value `record`.
    struct Method: Encodable, Sendable {
        let name: String
        let record: String
        let domain: String
    }

    /// The wire shape of `domain`; `verificationError` explains a verify call that did not prove it.
    init(_ domain: CustomDomain, verificationError: String? = nil) {
        customDomainID = domain.id
        self.domain = domain.domain
        primary = false
        status = domain.status == .verified ? "ready" : "pending_verification"
        type = CustomDomainRules.selfManagedCertificates
        verification = Verification(
            methods: [
                Method(
                    name: "txt", record: domain.verificationToken,
                    domain: CustomDomainChallenge.recordName(for: domain.domain))
            ],
            errorMessage: verificationError)
    }

    private enum CodingKeys: String, CodingKey {
        case domain, primary, status, type, verification
        case customDomainID = "custom_domain_id"
    }
}
