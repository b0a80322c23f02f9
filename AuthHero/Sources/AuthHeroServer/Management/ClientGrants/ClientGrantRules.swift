import AuthHeroCore
import AuthHeroVerify
import HTTPTypes

/// What a client grant must satisfy: its scopes are scopes of its API, listed once; and on the built-in Management
/// API, scopes the caller holds itself, so a client cannot be used to give anyone more power over the tenant than
/// its creator has (e.g. a tenant admin granting a machine client `update:connections`, or `admin:tenants` in the
/// control plane).
enum ClientGrantRules {
    /// `scope` without repeats, when every value is a scope of `api` and, on the Management API, held by `caller`.
    static func scope(_ scope: [String], of api: ResourceServer, caller: ManagementCaller) throws(ManagementError)
        -> [String]
    {
        let defined = Set(api.scopes.map(\.value))
        let undefined = scope.filter { !defined.contains($0) }
        guard undefined.isEmpty else {
            throw .invalidBody(
                "\(undefined) are not scopes of \(api.identifier); add them to the resource server first, or grant "
                    + "only its scopes.")
        }
        if api.identifier == BuiltInManagementAPI.identifier {
            try PermissionGrantRule.requireHeld(
                scope, by: caller, "A grant on the Management API may carry only scopes your own token holds")
        }
        var seen: Set<String> = []
        return scope.filter { seen.insert($0).inserted }
    }

    /// The API a grant names, which must be a resource server of the target tenant.
    static func audience(_ audience: String, storage: any ResourceServerStore, tenantID: String) async throws
        -> ResourceServer
    {
        guard !audience.isEmpty, let api = try await storage.resourceServer(identifier: audience, tenantID: tenantID)
        else {
            throw ManagementError.invalidBody(
                "audience must be the identifier of one of this tenant's resource servers; \"\(audience)\" is not.")
        }
        return api
    }
}
