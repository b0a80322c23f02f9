import AuthHeroCore
import AuthHeroVerify
import Hummingbird
import Logging

/// Writes one audit entry for each Management API write, in the target tenant's log: who (the token's subject, and
/// the kind of caller), what (a dotted action such as `client.created`) and on which object. Never given secrets.
struct ManagementWriteAudit {
    let services: AuthHeroServices

    /// Appends the entry after the write committed. A failure is logged, not answered: the change is made, and an
    /// error would make the caller retry a write that already happened.
    func record(
        _ action: String, target: String, details: [String: String] = [:], _ context: AuthHeroRequestContext
    ) async {
        guard let caller = context.management else { return }
        var details = details
        details["caller"] = Self.describe(caller.kind)
        details["issuer"] = caller.token.issuer
        let event = AuditEvent(
            tenantID: caller.target.id, occurredAt: services.clock.now(), actor: caller.token.subject, action: action,
            target: target, details: details)
        do {
            try await services.storage.append(event, tenantID: caller.target.id)
        } catch {
            context.logger.error(
                "Management write not audited",
                metadata: ["action": "\(action)", "target": "\(target)", "error_type": "\(type(of: error))"])
        }
    }

    /// The kind of caller as the log shows it: `tenant`, `portal`, `organization:org_...` or `platform_staff`.
    static func describe(_ kind: ManagementCaller.Kind) -> String {
        switch kind {
        case .tenant: "tenant"
        case .portal: "portal"
        case .organization(let organizationID): "organization:\(organizationID)"
        case .platformStaff: "platform_staff"
        }
    }
}
