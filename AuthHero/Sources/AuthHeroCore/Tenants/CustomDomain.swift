import Foundation

/// A host name a tenant serves on besides its subdomain; globally unique, and used for routing only once `verified`.
public struct CustomDomain: Codable, Sendable, Equatable {
    /// The Management API's handle, `cd_` + 16 alphanumerics.
    public var id: String
    public var domain: String
    public var tenantID: String
    public var status: Status
    /// The value the owner publishes (e.g. in a DNS TXT record) to prove control of the domain.
    public var verificationToken: String
    public var createdAt: Date
    public var verifiedAt: Date?

    /// Verification state: a `pending` domain never routes to its tenant.
    public enum Status: String, Codable, Sendable, Equatable { case pending, verified }

    /// Creates a domain record (normally `pending`) with a fresh id unless one is given.
    public init(
        id: String = CustomDomain.newID(), domain: String, tenantID: String, status: Status = .pending,
        verificationToken: String, createdAt: Date, verifiedAt: Date? = nil
    ) {
        self.id = id
        self.domain = domain
        self.tenantID = tenantID
        self.status = status
        self.verificationToken = verificationToken
        self.createdAt = createdAt
        self.verifiedAt = verifiedAt
    }
}

extension CustomDomain {
    /// A new Management API id (`cd_` + 16 alphanumerics, Auth0's shape).
    public static func newID() -> String { RandomToken.identifier(prefix: "cd_") }
}
