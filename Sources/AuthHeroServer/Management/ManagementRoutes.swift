import AuthHeroCore
import Foundation
import Hummingbird

/// The Management API (`/api/v2/*`): one group behind `ManagementAuthorizationMiddleware`, so no route runs
/// without a caller allowed on its target tenant.
struct ManagementRoutes {
    let services: AuthHeroServices

    func register(on router: Router<AuthHeroRequestContext>) {
        let group = router.group("api/v2").add(middleware: ManagementAuthorizationMiddleware(services: services))
        TenantRoutes(services: services).register(on: group)
        group.get("users/:id") { _, context in
            let caller = try context.requireManagement()
            try caller.require(scope: "read:users")
            let userID = try Self.pathParameter("id", context)
            guard let user = try await services.storage.user(userID, tenantID: caller.target.id) else {
                throw ManagementError.notFound("inexistent_user", "The user does not exist.")
            }
            return JSONResponse.make(ManagementUser(user), headers: [.cacheControl: "no-store"])
        }
    }

    /// A path parameter, percent-decoded: Auth0 clients send ids such as `auth0%7C123`.
    private static func pathParameter(_ name: String, _ context: AuthHeroRequestContext) throws -> String {
        guard let value = try context.parameters.require(name).removingPercentEncoding, !value.isEmpty else {
            throw ManagementError(
                status: .badRequest, errorCode: "invalid_uri", message: "The \(name) in the path is not valid.")
        }
        return value
    }
}
