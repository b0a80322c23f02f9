import AuthHeroCore

/// How customer tenants' schemas are named with the schema-per-tenant layout: `tenant_<id>` unless another prefix is
/// configured (tests give each store a prefix of its own, so many stores share one database).
struct TenantSchema: Sendable {
    let prefix: String

    /// PostgreSQL truncates identifiers beyond 63 bytes, which could make two tenants share a schema.
    var longestTenantID: Int { 63 - prefix.utf8.count }

    /// The schema of `tenantID`; throws `StorageError.notFound` for an id that cannot name a schema safely (letters,
    /// digits, `-` and `_`, at most ``longestTenantID`` bytes), as no such tenant can have been provisioned.
    func name(of tenantID: String) throws -> String {
        let safe =
            !tenantID.isEmpty && tenantID.utf8.count <= longestTenantID
            && tenantID.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
                    || $0 == "_"
            }
        guard safe else { throw StorageError.notFound("tenant \(tenantID)") }
        return prefix + tenantID
    }
}
