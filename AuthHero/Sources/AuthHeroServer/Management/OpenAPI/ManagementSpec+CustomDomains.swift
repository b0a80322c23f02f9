import OpenAPIKit

extension ManagementSpec {
    /// `/api/v2/custom-domains` (``CustomDomainRoutes``).
    static var customDomains: SpecGroup {
        let tag = "Custom domains"
        let id = SpecOperation.path("id")
        let domain = SpecSchema.ref("CustomDomain")
        return SpecGroup(
            schemas: [
                (
                    "CustomDomain",
                    SpecSchema.record([
                        "custom_domain_id": .string, "domain": .string, "primary": .boolean,
                        "status": .string(allowedValues: ["pending_verification", "ready"]), "type": .string,
                        "verification": SpecSchema.record([
                            "methods": .array(
                                items: SpecSchema.record(["name": .string, "record": .string, "domain": .string])),
                            "error_msg": .string(required: false),
                        ]),
                    ])
                ),
                (
                    "CreateCustomDomain",
                    .object(
                        properties: [
                            "domain": .string(minLength: 1),
                            "type": .string(allowedValues: [AnyCodable(CustomDomainRules.selfManagedCertificates)]),
                            "verification_method": .string(required: false, allowedValues: ["txt"]),
                        ],
                        // The route refuses unknown fields (a typo is never dropped silently).
                        additionalProperties: .a(false))
                ),
            ],
            routes: [
                SpecRoute(
                    .get, "/api/v2/custom-domains", "listCustomDomains", tag: tag,
                    summary: "The tenant's custom domains",
                    scope: "read:custom_domains", response: .array(items: domain)),
                SpecRoute(
                    .get, "/api/v2/custom-domains/{id}", "getCustomDomain", tag: tag, summary: "A custom domain",
                    scope: "read:custom_domains", parameters: [id], response: domain),
                SpecRoute(
                    .post, "/api/v2/custom-domains", "createCustomDomain", tag: tag,
                    summary: "Claim a domain; it is pending_verification until its TXT record is proven",
                    scope: "create:custom_domains", body: SpecSchema.ref("CreateCustomDomain"), status: 201,
                    response: domain, errors: [409]),
                SpecRoute(
                    .post, "/api/v2/custom-domains/{id}/verify", "verifyCustomDomain", tag: tag,
                    summary: "Look for the TXT record; still pending with verification.error_msg when it is missing",
                    scope: "create:custom_domains", parameters: [id], response: domain),
                SpecRoute(
                    .delete, "/api/v2/custom-domains/{id}", "deleteCustomDomain", tag: tag,
                    summary: "Delete a custom domain", scope: "delete:custom_domains", parameters: [id], status: 204,
                    response: nil),
            ])
    }
}
