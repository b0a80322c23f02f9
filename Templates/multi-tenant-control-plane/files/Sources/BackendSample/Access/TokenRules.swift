import AuthHeroVerify

/// What each kind of route demands of a verified token (ARCHITECTURE.md, "Three kinds of control-plane token").
extension VerifiedToken {
    /// An organization token for `organizationID`, for one of `audiences`, holding `permission`: the customer's
    /// own routes.
    func requireOrganizationAccess(
        to organizationID: String, audiences: [String], permission: String
    ) throws(BackendError) {
        guard self.audiences.contains(where: audiences.contains) else {
            throw .accessDenied(
                "This route accepts organization tokens for \(Self.list(audiences)), not for "
                    + "\(Self.list(self.audiences)).")
        }
        guard let tokenOrganization = self.organizationID else {
            throw .accessDenied(
                "This route needs an organization token: request the token with organization=\(organizationID).")
        }
        guard tokenOrganization == organizationID else {
            throw .accessDenied(
                "The token is for organization \(tokenOrganization.prefix(100)), not \(organizationID): an organization token "
                    + "reaches only its own organization's data.")
        }
        guard permissions.contains(permission) else { throw .insufficientPermission(permission) }
    }

    /// An internal token (the platform's own API, no organization) holding `permission`: staff and service routes.
    func requireInternalAccess(audience: String, permission: String) throws(BackendError) {
        guard audiences.contains(audience) else {
            throw .accessDenied(
                "This route accepts only internal tokens for \"\(audience)\", not for \(Self.list(audiences)).")
        }
        guard organizationID == nil else {
            throw .accessDenied(
                "This route needs an internal token: request it without an organization. An organization token is "
                    + "scoped to one customer and never grants cross-tenant access.")
        }
        guard permissions.contains(permission) else { throw .insufficientPermission(permission) }
    }

    private static func list(_ values: [String]) -> String {
        // Token-supplied values are echoed back: a few, each capped, so a crafted token cannot bloat the answer.
        values.isEmpty ? "no audience" : values.prefix(5).map { "\"\($0.prefix(100))\"" }.joined(separator: ", ")
    }
}
