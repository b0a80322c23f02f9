import Foundation

/// Why a tenant could not be created; each `description` is shown to the caller.
public enum TenantCreationError: Error, Equatable, CustomStringConvertible {
    /// The name is not a DNS label of 1...50 lowercase letters, digits and inner hyphens.
    case invalidName(String)
    /// The name is one the platform keeps for itself.
    case reservedName(String)
    /// A tenant already has this name.
    case nameTaken(String)
    /// A deleted tenant had this name; it is held back until the date so that its old issuer URL cannot change
    /// owner while relying parties may still trust it.
    case nameQuarantined(String, until: Date)
    /// The user already created as many tenants as the quota allows.
    case quotaExceeded(Int)
    /// The token's subject is not a control-plane user (deleted since the token was issued, or never one).
    case unknownCreator
    /// Too many tenant creations are in progress from this address, or in all (``ProvisioningLimits``).
    case tooManyPending
    /// The tenant was recorded but its tenant-side provisioning failed; it is left `failed` for reconcile.
    /// `reason` is for logs, never shown to the caller.
    case provisioningFailed(tenantID: String, reason: String)

    public var description: String {
        switch self {
        case .invalidName:
            "The tenant name must be 1 to 50 lowercase letters, digits or inner hyphens (it becomes a subdomain)."
        case .reservedName(let name): "The tenant name \"\(name)\" is reserved by the platform; choose another."
        case .nameTaken(let name): "A tenant named \"\(name)\" already exists; choose another name."
        case .nameQuarantined(let name, let until):
            "The tenant name \"\(name)\" belonged to a deleted tenant and is held until "
                + "\(until.formatted(.iso8601)), so that applications still trusting its issuer cannot be taken "
                + "over; choose another name."
        case .quotaExceeded(let quota): "You have reached the limit of \(quota) tenants per user."
        case .unknownCreator:
            "The signed-in user no longer exists in the control plane; sign in again with an existing account."
        case .tooManyPending:
            "Too many tenants are being created right now. Wait for yours to finish, then try again in a minute."
        case .provisioningFailed(let tenantID, _):
            "The tenant \"\(tenantID)\" was recorded but could not be set up yet; the platform finishes it "
                + "automatically and it will show as ready in your tenant list. Do not create it again."
        }
    }
}
