import HTTPTypes
import OpenAPIKit

extension CustomDomainRoutes: ManagementRouteGroup {
    var schemas: [(String, JSONSchema)] {
        [
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
            )
        ]
    }

    var operations: [ManagementOperation] {
        let tag = "Custom domains"
        let domain = SpecSchema.ref("CustomDomain")
        return [
            ManagementOperation(
                .get, "custom-domains", "listCustomDomains", summary: "The tenant's custom domains",
                scope: "read:custom_domains", response: .array(items: domain), tag: tag, handler: list),
            ManagementOperation(
                .get, "custom-domains/{id}", "getCustomDomain", summary: "A custom domain",
                scope: "read:custom_domains", response: domain, tag: tag, handler: get),
            ManagementOperation(
                .post, "custom-domains", "createCustomDomain",
                summary: "Claim a domain; it is pending_verification until its TXT record is proven",
                scope: "create:custom_domains", body: CreateCustomDomainBody.self, status: 201, response: domain,
                errors: [409], tag: tag, handler: create),
            ManagementOperation(
                .post, "custom-domains/{id}/verify", "verifyCustomDomain",
                summary: "Look for the TXT record; still pending with verification.error_msg when it is missing",
                scope: "create:custom_domains", response: domain, tag: tag, handler: verify),
            ManagementOperation(
                .delete, "custom-domains/{id}", "deleteCustomDomain", summary: "Delete a custom domain",
                scope: "delete:custom_domains", status: 204, response: nil, tag: tag, handler: delete),
        ]
    }
}
