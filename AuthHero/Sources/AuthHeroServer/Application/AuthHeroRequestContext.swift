import AuthHeroCore
import Hummingbird

/// The request context of every AuthHero route: Hummingbird's core storage plus the tenant the host resolved to.
public struct AuthHeroRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by `TenantResolutionMiddleware` before any tenant route runs.
    public var tenant: TenantContext?
    /// Set by `ManagementAuthorizationMiddleware` on `/api/v2/*` requests it let through.
    var management: ManagementCaller?
    /// The client's IP address, for per-address throttles and caps: the peer's ("unknown" when the channel has
    /// none), replaced by `ClientAddressMiddleware` with the forwarded one when the peer is a trusted proxy.
    public internal(set) var clientAddress: String

    /// Creates an empty context for a new request.
    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// The resolved tenant; routes behind the resolution middleware can rely on it.
    public func requireTenant() throws -> TenantContext {
        guard let tenant else { throw TenantResolutionError.missingHost }
        return tenant
    }

    /// The authorized Management API caller; routes of the `/api/v2` group can rely on it.
    func requireManagement() throws -> ManagementCaller {
        guard let management else {
            throw ManagementError.invalidToken("A Bearer access token for \(ManagementAPI.audience) is required.")
        }
        return management
    }
}
