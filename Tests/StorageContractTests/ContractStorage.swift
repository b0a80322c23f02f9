import AuthHeroCore
import AuthHeroPostgres
import AuthHeroSQLite

/// What the contract suite asks of a storage module: the stores every module implements so far, and transactions.
/// `SyncStore` and `TenantDatabaseStore` join when the PostgreSQL module implements them.
protocol ContractStorage: TenantStore, ClientStore, KeyStore, UserStore, ConnectionStore, ResourceServerStore,
    GrantStore, InteractiveGrantStore, OrganizationStore, RoleStore, AuditLog, OutboxStore, JobStore
{
    func transaction<T: Sendable>(_ work: @escaping @Sendable (any StorageTransaction) throws -> T) async throws -> T
}

extension SQLiteStorage: ContractStorage {}
extension PostgresStorage: ContractStorage {}
