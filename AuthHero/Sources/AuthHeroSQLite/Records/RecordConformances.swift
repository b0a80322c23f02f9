import AuthHeroCore
import GRDB

// The domain types are persisted as GRDB Codable records: property names map to snake_case columns, nested values
// (settings, arrays, metadata) to JSON text. The schema itself lives in `SchemaMigrations`.

/// A GRDB record whose property names map to snake_case columns; public only because the domain types' record
/// conformances are.
public protocol SnakeCaseRecord: FetchableRecord, PersistableRecord {}

extension SnakeCaseRecord {
    /// `tenant_id` column → `tenantID` property.
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy {
        .custom { column in ColumnName.propertyKey(column) }
    }
    /// `tenantID` property → `tenant_id` column.
    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy {
        .custom { key in ColumnName.column(key.stringValue) }
    }
}

extension Tenant: SnakeCaseRecord { public static let databaseTableName = "tenants" }
extension CustomDomain: SnakeCaseRecord { public static let databaseTableName = "custom_domains" }
extension SigningKey: SnakeCaseRecord { public static let databaseTableName = "signing_keys" }
extension Client: SnakeCaseRecord { public static let databaseTableName = "clients" }
extension ClientGrant: SnakeCaseRecord { public static let databaseTableName = "client_grants" }
extension Connection: SnakeCaseRecord { public static let databaseTableName = "connections" }
extension User: SnakeCaseRecord { public static let databaseTableName = "users" }
extension Organization: SnakeCaseRecord { public static let databaseTableName = "organizations" }
extension OrganizationMembership: SnakeCaseRecord { public static let databaseTableName = "organization_members" }
extension Role: SnakeCaseRecord { public static let databaseTableName = "roles" }
extension RolePermission: SnakeCaseRecord { public static let databaseTableName = "role_permissions" }
extension UserRole: SnakeCaseRecord { public static let databaseTableName = "user_roles" }
extension ResourceServer: SnakeCaseRecord { public static let databaseTableName = "resource_servers" }
extension AuthorizationCode: SnakeCaseRecord { public static let databaseTableName = "authorization_codes" }
extension RefreshToken: SnakeCaseRecord { public static let databaseTableName = "refresh_tokens" }
extension Session: SnakeCaseRecord { public static let databaseTableName = "sessions" }
extension AuditEvent: SnakeCaseRecord { public static let databaseTableName = "audit_log" }
extension Job: SnakeCaseRecord { public static let databaseTableName = "jobs" }
extension OutboxEntry: SnakeCaseRecord { public static let databaseTableName = "outbox" }
