import AuthHeroCore

/// Throws `StorageError.tenantMismatch` unless a record of tenant `found` is being written as tenant `expected`, so a
/// record of one tenant is never written under another.
func requireTenant(_ found: String, is expected: String) throws {
    guard found == expected else { throw StorageError.tenantMismatch(expected: expected, found: found) }
}
