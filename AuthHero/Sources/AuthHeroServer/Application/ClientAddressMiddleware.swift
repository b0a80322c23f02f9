import AuthHeroCore
import Hummingbird

/// Sets the request's client address before any route runs: the peer's address, or, when the peer is one of the
/// ``TrustedProxies``, the address its `X-Forwarded-For` names. Throttles and caps count by this address.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = AuthHeroRequestContext
    let trustedProxies: TrustedProxies

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        context.clientAddress = trustedProxies.clientAddress(
            peer: context.clientAddress, forwardedFor: request.headers[values: .xForwardedFor])
        return try await next(request, context)
    }
}

extension HTTPFields.Element.Name {
    static let xForwardedFor = Self("X-Forwarded-For")!
}
