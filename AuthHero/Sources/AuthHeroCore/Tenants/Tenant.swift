import Foundation

/// One isolated issuer: its own keys, clients, users and `iss`.
public struct Tenant: Codable, Sendable, Equatable, Identifiable {
    /// The tenant id, also its subdomain label (`coffee-shop` serves at `coffee-shop.{base host}`).
    public var id: String
    public var friendlyName: String
    public var settings: TenantSettings
    public var provisioningState: ProvisioningState
    /// The control-plane organization this tenant is linked to (nil for the control plane itself).
    public var organizationID: String?
    public var createdAt: Date
    public var updatedAt: Date

    /// Creates a tenant record; new tenants start `pending` until provisioning marks them `ready`.
    public init(
        id: String, friendlyName: String, settings: TenantSettings = .init(),
        provisioningState: ProvisioningState = .pending, organizationID: String? = nil,
        createdAt: Date, updatedAt: Date? = nil
    ) {
        self.id = id
        self.friendlyName = friendlyName
        self.settings = settings
        self.provisioningState = provisioningState
        self.organizationID = organizationID
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

/// Where a tenant is in the two-phase provisioning.
public enum ProvisioningState: String, Codable, Sendable, Equatable {
    case pending, ready, failed
}
