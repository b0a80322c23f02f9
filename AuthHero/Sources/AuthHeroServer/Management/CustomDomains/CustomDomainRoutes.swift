import AuthHeroCore
import AuthHeroVerify
import Foundation
import Hummingbird

/// `/api/v2/custom-domains`: the target tenant's custom domains (Auth0's routes and scopes; `verify` needs
/// `create:custom_domains` as at Auth0). A new domain is `pending_verification` and does not route until
/// `POST /{id}/verify` finds its TXT record; a verify that does not find it answers 200 with the status still
/// pending and `verification.error_msg` saying what is missing, as Auth0 does. Every write is audited. Declared in
/// `CustomDomainOperations.swift`.
struct CustomDomainRoutes: Sendable {
    let services: AuthHeroServices

    private var storage: any AuthHeroStorage { services.storage }

    func list(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Response
    {
        let domains = try await storage.customDomains(tenantID: caller.target.id)
        return JSONResponse.make(domains.map { ManagementCustomDomain($0) })
    }

    func get(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws -> Response
    {
        JSONResponse.make(ManagementCustomDomain(try await existingDomain(context, caller)))
    }

    func create(
        _ body: CreateCustomDomainBody, _ request: Request, _ context: AuthHeroRequestContext,
        _ caller: ManagementCaller
    ) async throws -> Response {
        guard caller.target.id != ControlPlane.tenantID else { throw CustomDomainRules.controlPlaneRefused }
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
        return JSONResponse.make(ManagementCustomDomain(domain), status: .created)
    }

    func verify(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Response
    {
        var domain = try await existingDomain(context, caller)
        guard domain.status == .pending else {
            return JSONResponse.make(ManagementCustomDomain(domain))
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
            return JSONResponse.make(ManagementCustomDomain(domain))
        case .recordMissing(let reason), .lookupUnavailable(let reason):
            try await audit("custom_domain.verification_failed", domain, caller)
            return JSONResponse.make(ManagementCustomDomain(domain, verificationError: reason))
        }
    }

    func delete(_ request: Request, _ context: AuthHeroRequestContext, _ caller: ManagementCaller) async throws
        -> Response
    {
        let domain = try await existingDomain(context, caller)
        guard try await storage.deleteCustomDomain(id: domain.id, tenantID: caller.target.id) else {
            throw CustomDomainRules.notFound
        }
        // The host may be remembered as this tenant's; it must stop resolving at once.
        await services.accessInvalidation.invalidate(tenant: caller.target.id)
        try await audit("custom_domain.deleted", domain, caller)
        return Response(status: .noContent)
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
