/// A record that belongs to one tenant. Both storage modules check it against the tenant a write names, so a record
/// of one tenant is never written under another.
public protocol TenantOwned {
    /// The tenant the record belongs to.
    var tenantID: String { get }
}

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
extension Job: TenantOwned {}
