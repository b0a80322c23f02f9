/// A customer tenant a change (or a full sync) could not be applied to, and why.
public struct SyncFailure: Sendable, Equatable, CustomStringConvertible {
    public let tenantID: String
    public let message: String

    /// Creates a failure record.
    public init(tenantID: String, message: String) {
        self.tenantID = tenantID
        self.message = message
    }

    public var description: String { "\(tenantID): \(message)" }
}
