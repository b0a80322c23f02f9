import AuthHeroCore
import AuthHeroPostgres
import AuthHeroSQLite

/// What the contract suite asks of a storage module: every store the server runs on.
protocol ContractStorage: AuthHeroStorage {}

extension SQLiteStorage: ContractStorage {}
extension PostgresStorage: ContractStorage {}
