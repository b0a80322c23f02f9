/// A named set of permissions (`rol_...`).
public struct Role: Codable, Sendable, Equatable {
    public var tenantID: String
    public var id: String
    public var name: String
    public var description: String
    /// The control-plane id this record was copied from by sync (read-only in the customer tenant); nil when the
    /// tenant owns it.
    public var syncedFrom: String?

    /// Creates a role record.
    public init(tenantID: String, id: String, name: String, description: String = "", syncedFrom: String? = nil) {
        self.tenantID = tenantID
        self.id = id
        self.name = name
        self.description = description
        self.syncedFrom = syncedFrom
    }
}
