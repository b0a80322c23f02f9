import AuthHeroCore
import Hummingbird

/// CORS for the endpoints browser apps call directly (`/oauth/token`, `/oauth/revoke`, `/userinfo`): an origin is
/// allowed when it is a web origin of one of the tenant's clients; the `Auth0-Client` header the SDKs send is
/// allowed. Other origins get no CORS headers, so the browser keeps the answer from them.
struct ClientCORSMiddleware: RouterMiddleware {
    typealias Context = AuthHeroRequestContext
    let storage: any AuthHeroStorage

    static let paths: Set<String> = ["/oauth/token", "/oauth/revoke", "/userinfo"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard Self.paths.contains(request.uri.path), let origin = request.headers[.origin] else {
            return try await next(request, context)
        }
        let tenantID = try context.requireTenant().tenant.id
        let allowed = try await storage.clients(tenantID: tenantID).contains { $0.webOrigins.contains(origin) }
        if request.method == .options {
            var response = Response(status: .noContent)
            if allowed {
                response.headers[.accessControlAllowMethods] = "GET, POST, OPTIONS"
                response.headers[.accessControlAllowHeaders] = "Authorization, Content-Type, Auth0-Client"
                response.headers[.accessControlMaxAge] = "86400"
                Self.allow(origin, in: &response)
            }
            return response
        }
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as OAuthError {
            // Rendered here rather than by the outer error middleware so the browser app can read the error.
            response = OAuthErrorBody.response(error)
        }
        if allowed { Self.allow(origin, in: &response) }
        return response
    }

    private static func allow(_ origin: String, in response: inout Response) {
        response.headers[.accessControlAllowOrigin] = origin
        response.headers[.vary] = "Origin"
    }
}
