import AuthHeroCore
import AuthHeroVerify
import Foundation
import Hummingbird

/// `/api/v2/custom-domains`: the target tenant's custom domains (Auth0's routes and scopes; `verify` needs
/// `create:custom_domains` as at Auth0). A new domain is `pending_verification` and does not route until
/// `POST /{id}/verify` finds its TXT record; a verify that does not find it answers 200 with the status still
/// pending and `verification.error_msg` saying what is missing, as Auth0 does. Every write is audited.
struct CustomDomainRoutes {
    let services: AuthHeroServices

    func register(on group: RouterGroup<AuthHeroRequestContext>) {
        let storage = services.storage
        group.get("custom-domains") { _, context in
            let caller = try context.requireManagement()
            try caller.require(scope: "read:custom_domains")
            let domains = try await storage.customDomains(tenantID: caller.target.id)
            return JSONResponse.make(domains.map { ManagementCustomDomain($0) }, headers: ManagementPage.noStore)
        }
        group.get("custom-domains/:id") { _, context in
            let caller = try context.requireManagement()
            try caller.require(scope: "read:custom_domains")
            let domain = try await existingDomain(context, caller)
            return JSONResponse.make(ManagementCustomDomain(domain), headers: ManagementPage.noStore)
        }
        group.post("custom-domains") { request, context in
            let caller = try context.requireManagement()
            try caller.require(scope: "create:custom_domains")
            guard caller.target.id != ControlPlane.tenantID else { throw CustomDomainRules.controlPlaneRefused }
            let body = try await ManagementRequest.body(
                CreateCustomDomainBody.self, request, shape: CreateCustomDomainBody.shape)
            try CustomDomainRules.validate(body, hosts: services.resolver.hosts)
            let now = services.clock.now()
            let domain = CustomDomain(
                domain: body.domain, tenantID: caller.target.id, verificationToken: RandomToken.make(byteCount: 24),
                createdAt: now)
            let claimed: Bool
            do {
                claimed = try await storage.claimCustomDomain(
                    domain, tenantID: caller.target.id, limit: CustomDomainRules.maximumPerTenant,
                    stalePendingBefore: now.addingTimeInterval(-CustomDomainRules.pendingReservation))
            } catch StorageError.conflict {
                throw CustomDomainRules.taken(domain.domain)
            }
            guard claimed else { throw CustomDomainRules.limitReached }
            try await audit("custom_domain.created", domain, caller)
            return JSONResponse.make(ManagementCustomDomain(domain), status: .created, headers: ManagementPage.noStore)
        }
        group.post("custom-domains/:id/verify") { _, context in
            let caller = try context.requireManagement()
            try caller.require(scope: "create:custom_domains")
            var domain = try await existingDomain(context, caller)
            guard domain.status == .pending else {
                return JSONResponse.make(ManagementCustomDomain(domain), headers: ManagementPage.noStore)
            }
            switch await services.customDomainChallenge.check(domain) {
            case .proven:
                let now = services.clock.now()
                do {
                    try await storage.markCustomDomainVerified(domain.domain, tenantID: caller.target.id, at: now)
                } catch StorageError.notFound {
                    throw CustomDomainRules.notFound
                }
                domain.status = .verified
                domain.verifiedAt = now
                try await audit("custom_domain.verified", domain, caller)
                return JSONResponse.make(ManagementCustomDomain(domain), headers: ManagementPage.noStore)
            case .recordMissing(let reason), .lookupUnavailable(let reason):
                try await audit("custom_domain.verification_failed", domain, caller)
                return JSONResponse.make(
                    ManagementCustomDomain(domain, verificationError: reason), headers: ManagementPage.noStore)
            }
        }
        group.delete("custom-domains/:id") { _, context in
            let caller = try context.requireManagement()
            try caller.require(scope: "delete:custom_domains")
            let domain = try await existingDomain(context, caller)
            guard try await storage.deleteCustomDomain(id: domain.id, tenantID: caller.target.id) else {
                throw CustomDomainRules.notFound
            }
            try await audit("custom_domain.deleted", domain, caller)
            return Response(status: .noContent)
        }
    }

    /// The domain named by the path in the target tenant, or 404 `inexistent_custom_domain` (also for another
    /// tenant's id, which this tenant cannot see).
    private func existingDomain(_ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> CustomDomain
    {
        let id = try ManagementRequest.pathParameter("id", context)
        guard let domain = try await services.storage.customDomain(id: id, tenantID: caller.target.id) else {
            throw CustomDomainRules.notFound
        }
        return domain
    }

    /// Appends the write to the target tenant's audit log: who, which domain, and the status it left.
    private func audit(_ action: String, _ domain: CustomDomain, _ caller: ManagementCaller) async throws {
        try await services.storage.append(
            AuditEvent(
                tenantID: caller.target.id, occurredAt: services.clock.now(), actor: caller.token.subject,
                action: action, target: domain.id, details: ["domain": domain.domain, "status": domain.status.rawValue]),
            tenantID: caller.target.id)
    }
}
