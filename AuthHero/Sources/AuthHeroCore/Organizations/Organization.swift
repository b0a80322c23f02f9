import Foundation

/// An Auth0 organization (`org_` + 16 alphanumerics); in the control plane each customer tenant has one, linked by
/// `metadata["tenant_id"]`.
public struct Organization: Codable, Sendable, Equatable {
    public var tenantID: String
    public var id: String
    /// Lowercase letters, digits, `_` and `-`, unique per tenant.
    public var name: String
    public var displayName: String
    public var metadata: [String: String]
    public var createdAt: Date

    /// Creates an organization record.
    public init(
        tenantID: String, id: String, name: String, displayName: String, metadata: [String: String] = [:],
        createdAt: Date
    ) {
        self.tenantID = tenantID
        self.id = id
        self.name = name
        self.displayName = displayName
        self.metadata = metadata
        self.createdAt = createdAt
    }
}
