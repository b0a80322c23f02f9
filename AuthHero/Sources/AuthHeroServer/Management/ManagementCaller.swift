import AuthHeroCore
import AuthHeroVerify

/// Who is calling the Management API, on which tenant, and by what right; set by
/// `ManagementAuthorizationMiddleware` on every `/api/v2/*` request before a route runs.
struct ManagementCaller: Sendable {
    /// The four kinds of caller.
    enum Kind: Sendable, Equatable {
        /// A token issued by the target tenant itself.
        case tenant
        /// A control-plane token without `org_id`, acting on the control plane.
        case portal
        /// A control-plane organization token, acting on the tenant linked to its organization.
        case organization(String)
        /// A control-plane token holding `admin:tenants`, acting on a customer tenant (audited).
        case platformStaff
    }

    let token: VerifiedToken
    /// The tenant the request acts on.
    let target: Tenant
    let kind: Kind

    /// Whether the token holds `admin:tenants`, whichever tenant it acts on: platform staff see every tenant, are not
    /// bound by the tenant quota and may read other tenants' logs (``Kind/platformStaff`` is such a caller acting on a
    /// customer tenant).
    var isPlatformStaff: Bool { token.hasPermission(ManagementAPI.platformStaffPermission) }

    /// Throws 403 `insufficient_scope` unless the token grants `scope` (in `scope` or in `permissions`).
    func require(scope: String) throws(ManagementError) {
        guard token.hasScope(scope) || token.hasPermission(scope) else { throw .insufficientScope(scope) }
    }
}
