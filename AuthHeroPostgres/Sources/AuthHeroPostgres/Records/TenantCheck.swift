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

/// Throws `StorageError.tenantMismatch` unless a record of tenant `found` is being written as tenant `expected`, so a
/// record of one tenant is never written under another.
func requireTenant(_ found: String, is expected: String) throws {
    guard found == expected else { throw StorageError.tenantMismatch(expected: expected, found: found) }
}
