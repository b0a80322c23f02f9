import AuthHeroCore

/// Constants of the built-in Management API every tenant has.
enum ManagementAPI {
    /// The one audience `/api/v2/*` accepts.
    static let audience = BuiltInManagementAPI.identifier
    /// The permission that makes a control-plane token a platform-staff token.
    static let platformStaffPermission = BuiltInManagementAPI.platformStaffPermission
    /// The header naming the target tenant, honoured only at the control-plane host.
    static let tenantHeader = "tenant-id"
}
