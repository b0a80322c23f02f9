import AuthHeroCore
import AuthHeroVerify
import Hummingbird

/// What `GET /api/v2/logs` asks for: `user_id` (the actor) and `type` (the action) filters, and `tenant`, which
/// only platform staff may use, at the control plane, to read another tenant's log.
struct LogQuery: Sendable, Equatable {
    let filter: AuditFilter
    /// The tenant whose log is read.
    let tenantID: String

    /// Reads the filters; `tenant` from anyone but platform staff at the control plane is a 403, and an unknown
    /// tenant a 404.
    init(_ request: Request, caller: ManagementCaller, tenants: any TenantStore) async throws {
        filter = AuditFilter(actor: Self.nonEmpty("user_id", request), action: Self.nonEmpty("type", request))
        guard let named = Self.nonEmpty("tenant", request), named != caller.target.id else {
            tenantID = caller.target.id
            return
        }
        guard caller.target.id == ControlPlane.tenantID, caller.isPlatformStaff else {
            throw ManagementError.forbiddenTenant(
                "Only platform staff may read another tenant's log (tenant=), and only at the control plane; drop "
                    + "the tenant filter to read this tenant's log.")
        }
        guard TenantName.isValidLabel(named), try await tenants.tenant(named) != nil else {
            throw ManagementError.notFound("inexistent_tenant", "The tenant \(named) does not exist.")
        }
        tenantID = named
    }

    private static func nonEmpty(_ name: String, _ request: Request) -> String? {
        ManagementRequest.query(name, request).flatMap { $0.isEmpty ? nil : $0 }
    }
}
