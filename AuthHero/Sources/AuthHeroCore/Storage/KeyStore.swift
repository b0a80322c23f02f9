/// A tenant's signing keys.
public protocol KeyStore: Sendable {
    /// Inserts a key.
    func insertKey(_ key: SigningKey, tenantID: String) async throws
    /// Every key of the tenant in any state, newest first.
    func keys(tenantID: String) async throws -> [SigningKey]
    /// Replaces a key's lifecycle fields.
    func updateKey(_ key: SigningKey, tenantID: String) async throws
    /// Stores a key's certificate unless it already has one (a concurrent first use may have stored it first).
    func storeCertificateIfAbsent(_ certificatePEM: String, kid: String, tenantID: String) async throws
    /// Atomically demotes the tenant's current key(s) of `new.algorithm` with `demote` and inserts `new` as current.
    func replaceCurrentKey(
        with new: SigningKey, tenantID: String, demote: @escaping @Sendable (SigningKey) -> SigningKey)
        async throws
}
