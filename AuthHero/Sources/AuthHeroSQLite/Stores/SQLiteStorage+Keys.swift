import AuthHeroCore
import GRDB

extension SQLiteStorage {
    public func insertKey(_ key: SigningKey, tenantID: String) async throws {
        try await write(tenantID) { try owned(key, by: tenantID).insert($0) }
    }

    public func keys(tenantID: String) async throws -> [SigningKey] {
        try await read(tenantID) { db in
            try SigningKey.filter(Column("tenant_id") == tenantID).order(Column("created_at").desc).fetchAll(db)
        }
    }

    public func updateKey(_ key: SigningKey, tenantID: String) async throws {
        try await write(tenantID) { try owned(key, by: tenantID).update($0) }
    }

    public func storeCertificateIfAbsent(_ certificatePEM: String, kid: String, tenantID: String) async throws {
        _ = try await write(tenantID) { db in
            try SigningKey.filter(
                Column("tenant_id") == tenantID && Column("kid") == kid && Column("certificate_pem") == nil
            ).updateAll(db, Column("certificate_pem").set(to: certificatePEM))
        }
    }

    public func replaceCurrentKey(
        with new: SigningKey, tenantID: String, demote: @escaping @Sendable (SigningKey) -> SigningKey
    ) async throws {
        let new = try owned(new, by: tenantID)
        try await write(tenantID) { db in
            let current = try SigningKey.filter(
                Column("tenant_id") == tenantID && Column("algorithm") == new.algorithm.rawValue
                    && Column("status") == SigningKey.Status.current.rawValue
            ).fetchAll(db)
            for key in current { try demote(key).update(db) }
            try new.insert(db)
        }
    }
}
