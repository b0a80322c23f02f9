import AuthHeroCore

extension SQLiteStorage {
    public func repairTenantDatabases() async throws -> [String] {
        try await translatingErrors { try await databases.repair() }
    }
}
