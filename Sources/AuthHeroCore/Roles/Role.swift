/// A named set of permissions (`rol_...`).
public struct Role: Codable, Sendable, Equatable {
    public var tenantID: String
    public var id: String
    public var name: String
    public var description: String

    /// Creates a role record.
    public init(tenantID: String, id: String, name: String, description: String = "") {
        self.tenantID = tenantID
        self.id = id
        self.name = name
        self.description = description
    }
}
