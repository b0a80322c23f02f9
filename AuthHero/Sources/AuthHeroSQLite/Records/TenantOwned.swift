import AuthHeroCore

/// A record that belongs to one tenant; writes check it against the tenant the caller named.
protocol TenantOwned { var tenantID: String { get } }

extension CustomDomain: TenantOwned {}
extension SigningKey: TenantOwned {}
extension Client: TenantOwned {}
extension ClientGrant: TenantOwned {}
extension Connection: TenantOwned {}
extension User: TenantOwned {}
extension Organization: TenantOwned {}
extension OrganizationMembership: TenantOwned {}
extension Role: TenantOwned {}
extension RolePermission: TenantOwned {}
extension UserRole: TenantOwned {}
extension ResourceServer: TenantOwned {}
extension AuthorizationCode: TenantOwned {}
extension RefreshToken: TenantOwned {}
extension Session: TenantOwned {}
extension AuditEvent: TenantOwned {}

/// Returns `record` when it belongs to `tenantID`, so a record of one tenant can never be written under another.
func owned<R: TenantOwned>(_ record: R, by tenantID: String) throws -> R {
    guard record.tenantID == tenantID else {
        throw StorageError.tenantMismatch(expected: tenantID, found: record.tenantID)
    }
    return record
}
