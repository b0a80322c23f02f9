import AuthHeroCore

/// Returns `record` when it belongs to `tenantID`, so a record of one tenant can never be written under another.
func owned<R: TenantOwned>(_ record: R, by tenantID: String) throws -> R {
    guard record.tenantID == tenantID else {
        throw StorageError.tenantMismatch(expected: tenantID, found: record.tenantID)
    }
    return record
}
