import AuthHeroCore
import Hummingbird

/// Resolves the tenant from the Host header (and trusted `X-Forwarded-*`) before any route runs; an unknown host
/// is answered 404 by `ErrorRenderingMiddleware`, never served as the control plane.
struct TenantResolutionMiddleware: RouterMiddleware {
    typealias Context = AuthHeroRequestContext
    let resolver: TenantResolver

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        context.tenant = try await resolver.resolve(
            host: request.head.authority,
            forwardedHost: request.headers[.xForwardedHost], forwardedProto: request.headers[.xForwardedProto])
        return try await next(request, context)
    }
}

extension HTTPFields.Element.Name {
    static let xForwardedHost = Self("X-Forwarded-Host")!
    static let xForwardedProto = Self("X-Forwarded-Proto")!
}
