/// Failures the storage layer reports in domain terms (never driver errors) so services can map them to answers.
public enum StorageError: Error, Equatable, CustomStringConvertible {
    /// A unique rule was broken (duplicate id, name, domain, ...).
    case conflict(String)
    /// The row to update does not exist.
    case notFound(String)
    /// A record was handed to a store under a tenant it does not belong to.
    case tenantMismatch(expected: String, found: String)

    public var description: String {
        switch self {
        case .conflict(let what): "Already exists: \(what)."
        case .notFound(let what): "Not found: \(what)."
        case .tenantMismatch(let expected, let found): "A record of tenant \(found) was written as tenant \(expected)."
        }
    }
}
