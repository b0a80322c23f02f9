import AuthHeroCore
import Foundation
import HTTPTypes

/// What custom domains written through the Management API must satisfy, and the answers for refusals.
enum CustomDomainRules {
    /// The only certificate type offered: TLS ends at the operator's proxy.
    static let selfManagedCertificates = "self_managed_certs"
    /// How many custom domains one tenant may hold (Auth0 caps them too); bounds lists and issuer sets.
    static let maximumPerTenant = 20
    /// How long an unproven claim reserves a domain against other tenants.
    static let pendingReservation: TimeInterval = 7 * 24 * 3600

    /// Checks a create body: a plain lowercase host name outside the platform's own hosts, of the offered type.
    static func validate(_ body: CreateCustomDomainBody, hosts: PlatformHosts) throws(ManagementError) {
        guard body.type == selfManagedCertificates else {
            throw ManagementError.invalidBody(
                "type must be \(selfManagedCertificates): TLS for custom domains ends at your proxy; this platform "
                    + "manages no certificates.")
        }
        guard body.verificationMethod == nil || body.verificationMethod == "txt" else {
            throw ManagementError.invalidBody("verification_method must be txt, the only method offered.")
        }
        do {
            try hosts.validateCustomDomain(body.domain)
        } catch {
            throw ManagementError.invalidBody(
                body.domain.count > 253
                    ? "The domain is longer than 253 characters." : "\(error)")
        }
    }

    /// 404 `inexistent_custom_domain`.
    static let notFound = ManagementError.notFound("inexistent_custom_domain", "The custom domain does not exist.")

    /// 409: the domain is claimed elsewhere (verified, or a recent pending claim).
    static func taken(_ domain: String) -> ManagementError {
        ManagementError(
            status: .conflict, errorCode: "custom_domain_conflict",
            message: "The custom domain \(domain) is already registered. A domain belongs to one tenant; an unverified "
                + "claim lapses after 7 days.")
    }

    /// 409: the tenant already holds the maximum number of domains.
    static let limitReached = ManagementError(
        status: .conflict, errorCode: "custom_domain_limit",
        message: "A tenant may have at most \(maximumPerTenant) custom domains; delete one before adding another.")

    /// 403: the control plane serves at the platform's base URL only.
    static let controlPlaneRefused = ManagementError(
        status: .forbidden, errorCode: "operation_not_supported",
        message: "The control plane is served at the platform's base URL and has no custom domains; add custom "
            + "domains to a customer tenant.")
}
