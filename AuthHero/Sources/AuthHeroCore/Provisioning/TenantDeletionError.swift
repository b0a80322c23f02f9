/// Why a tenant could not be deleted; `description` is shown to the caller.
public enum TenantDeletionError: Error, Equatable, CustomStringConvertible {
    /// The control plane runs the platform and is never deleted.
    case controlPlane

    public var description: String {
        switch self {
        case .controlPlane: "The control plane cannot be deleted."
        }
    }
}
