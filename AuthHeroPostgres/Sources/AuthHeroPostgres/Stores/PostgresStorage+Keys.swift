import AuthHeroCore
import PostgresNIO

extension PostgresStorage: KeyStore {
    public func insertKey(_ key: SigningKey, tenantID: String) async throws {
        try await insert(key, into: "signing_keys", tenantID: tenantID)
    }

    public func keys(tenantID: String) async throws -> [SigningKey] {
        try await withTenant(tenantID) {
            try await $0.records(
                SigningKey.self,
                "SELECT to_jsonb(k)::text FROM signing_keys k WHERE tenant_id = \(tenantID) ORDER BY created_at DESC")
        }
    }

    public func updateKey(_ key: SigningKey, tenantID: String) async throws {
        try await replace(
            key, in: "signing_keys", key: ["tenant_id", "kid"], tenantID: tenantID, what: "signing key \(key.kid)")
    }

    public func storeCertificateIfAbsent(_ certificatePEM: String, kid: String, tenantID: String) async throws {
        try await withTenant(tenantID) {
            try await $0.run(
                """
                UPDATE signing_keys SET certificate_pem = \(certificatePEM)
                WHERE tenant_id = \(tenantID) AND kid = \(kid) AND certificate_pem IS NULL
                """)
        }
    }

    public func replaceCurrentKey(
        with new: SigningKey, tenantID: String, demote: @escaping @Sendable (SigningKey) -> SigningKey
    ) async throws {
        try requireTenant(new.tenantID, is: tenantID)
        try await withTenant(tenantID) { session in
            // FOR UPDATE: a concurrent rotation waits here, then finds the key this one made current.
            let current = try await session.records(
                SigningKey.self,
                """
                SELECT to_jsonb(k)::text FROM signing_keys k WHERE tenant_id = \(tenantID)
                AND algorithm = \(new.algorithm.rawValue) AND status = \(SigningKey.Status.current.rawValue) FOR UPDATE
                """)
            for key in current {
                let demoted = demote(key)
                try requireTenant(demoted.tenantID, is: tenantID)
                _ = try await session.update(demoted, in: "signing_keys", key: ["tenant_id", "kid"])
            }
            try await session.insert(new, into: "signing_keys")
        }
    }
}
