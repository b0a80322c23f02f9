import AuthHeroCore
import HTTPTypes

/// What organizations written through the Management API must satisfy (auth0-compat.md, "Org names"), and the
/// organization ↔ tenant link the API may never break.
enum OrganizationRules {
    static let maximumNameLength = 50
    /// The metadata key linking a control-plane organization to its tenant.
    static let tenantLinkKey = "tenant_id"

    /// `name` when it is 1 to 50 lowercase letters, digits, `_` or `-`; otherwise a 400.
    static func name(_ name: String) throws(ManagementError) -> String {
        let allowed = name.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "_" || $0 == "-" }
        guard !name.isEmpty, name.count <= maximumNameLength, allowed else {
            throw ManagementError.invalidBody(
                "An organization name has 1 to \(maximumNameLength) lowercase letters, digits, _ or -.")
        }
        return name
    }

    /// Whether `organization` is the control-plane organization of a customer tenant.
    static func isLinked(_ organization: Organization) -> Bool {
        organization.tenantID == ControlPlane.tenantID && organization.metadata[tenantLinkKey] != nil
    }

    /// In the control plane the link key is written only by tenant creation: a request that would set, change or
    /// remove it is refused, since access checks of organization tokens rely on it.
    static func checkLinkUntouched(
        before: [String: String], after: [String: String], tenantID: String
    ) throws(ManagementError) {
        guard tenantID == ControlPlane.tenantID, before[tenantLinkKey] != after[tenantLinkKey] else { return }
        throw ManagementError.invalidBody(
            "metadata.\(tenantLinkKey) links an organization to its tenant and is set only by POST /api/v2/tenants.")
    }

    /// The 409 for a name another organization of the tenant has.
    static func nameTaken(_ name: String) -> ManagementError {
        ManagementError(
            status: .conflict, errorCode: "organization_conflict",
            message: "An organization named \(name) already exists.")
    }
}
