import AuthHeroCore
import HTTPTypes

extension ManagementError {
    /// The Auth0-shaped refusal of a tenant creation.
    init(_ error: TenantCreationError) {
        switch error {
        case .invalidName, .reservedName:
            self.init(status: .badRequest, errorCode: "invalid_body", message: error.description)
        case .nameTaken, .nameQuarantined:
            self.init(status: .conflict, errorCode: "tenant_conflict", message: error.description)
        case .quotaExceeded:
            self.init(status: .tooManyRequests, errorCode: "too_many_tenants", message: error.description)
        case .tooManyPending:
            self.init(status: .tooManyRequests, errorCode: "too_many_pending_tenants", message: error.description)
        case .unknownCreator:
            self.init(status: .forbidden, errorCode: "unknown_user", message: error.description)
        case .provisioningFailed:
            // The tenant is recorded and left `failed`; reconcile finishes it, so this is temporary, not a 500.
            self.init(
                status: .serviceUnavailable, errorCode: "tenant_provisioning_failed", message: error.description)
        }
    }
}
