import AuthHeroCore
import AuthHeroVerify

/// Access is live: a Management API token is honoured only while what it was issued to still exists. The user of a
/// user token exists and is not blocked (and for an organization token is still a member of the organization); the
/// client of a client-credentials token still exists. Verdicts come from ``LiveAccessCache``, so a removal made in
/// this process applies to the next request and one made elsewhere within the cache's lifetime.
struct LiveAccessCheck {
    let services: AuthHeroServices

    /// Throws 401 `invalid_token` when the caller's user or client no longer has access.
    func require(_ caller: ManagementCaller) async throws {
        let token = caller.token
        let issuingTenant = caller.kind == .tenant ? caller.target.id : ControlPlane.tenantID
        let storage = services.storage
        if token.grantType == "client-credentials", let clientID = token.clientID {
            let key = LiveAccessCache.Key(.client(id: clientID, tenantID: issuingTenant))
            let exists = try await services.liveAccess.granted(key) {
                try await storage.client(clientID, tenantID: issuingTenant) != nil
            }
            guard exists else {
                throw ManagementError.invalidToken(
                    "The client \(clientID) of this token no longer exists; register a client and request a new token.")
            }
            return
        }
        let userID = token.subject
        let user = LiveAccessCache.Key(.user(id: userID, tenantID: issuingTenant))
        let active = try await services.liveAccess.granted(user) {
            guard let user = try await storage.user(userID, tenantID: issuingTenant) else { return false }
            return !user.blocked
        }
        guard active else {
            throw ManagementError.invalidToken(
                "The user of this token no longer exists or is blocked; log in again as an active user.")
        }
        guard case .organization(let organizationID) = caller.kind else { return }
        let membership = LiveAccessCache.Key(
            .user(id: userID, tenantID: issuingTenant), organizationID: organizationID)
        let member = try await services.liveAccess.granted(membership) {
            try await storage.isMember(userID: userID, organizationID: organizationID, tenantID: issuingTenant)
        }
        guard member else {
            throw ManagementError.forbiddenTenant(
                "The user of this token is no longer a member of organization \(organizationID); ask an administrator "
                    + "of the tenant to add you again.")
        }
    }

    /// Ends what was already issued to `userID` of `tenantID` (its refresh-token families and sessions) and makes
    /// every live-access cache forget it; called after removing the user from an organization, blocking or deleting
    /// it.
    func revoke(user userID: String, tenantID: String) async throws {
        try await services.storage.revokeGrants(ofUser: userID, at: services.clock.now(), tenantID: tenantID)
        await services.accessInvalidation.invalidate(user: userID, tenant: tenantID)
    }
}
