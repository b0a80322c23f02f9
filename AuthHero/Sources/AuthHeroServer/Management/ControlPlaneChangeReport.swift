import AuthHeroCore
import HTTPTypes
import Hummingbird
import Logging

/// Reports committed writes of resource servers and roles in the control plane to
/// `AuthHeroServices.controlPlaneChanges`, so sync can follow them in every customer tenant.
struct ControlPlaneChangeReport {
    let services: AuthHeroServices

    /// Records `change` when the request acted on the control plane; a failure is logged, never thrown: the write
    /// has already committed, and the reconcile pass repairs a change that was not recorded.
    func after(_ change: ControlPlaneChange, _ context: AuthHeroRequestContext) async {
        guard context.management?.target.id == ControlPlane.tenantID else { return }
        do {
            try await services.controlPlaneChanges.record(change)
        } catch {
            context.logger.error(
                "Control-plane change not recorded; reconcile will repair it",
                metadata: ["change": "\(change)", "error_type": "\(type(of: error))"])
        }
    }
}

extension ManagementError {
    /// 403: the role or resource server is a read-only copy synced from the control plane into this tenant.
    static func syncedCopy(_ what: String) -> Self {
        Self(
            status: .forbidden, errorCode: "operation_not_supported",
            message: "\(what) is synced from the control plane and is read-only in this tenant; change it in the "
                + "control plane and the change will be synced here.")
    }

    /// Throws ``syncedCopy(_:)`` when `syncedFrom` marks a synced copy in a customer tenant.
    static func refuseSyncedCopy(_ syncedFrom: String?, _ what: String, caller: ManagementCaller) throws {
        guard syncedFrom != nil, caller.target.id != ControlPlane.tenantID else { return }
        throw syncedCopy(what)
    }
}
