import AuthHeroVerify
import Hummingbird

/// The request context of every route: Hummingbird's core storage plus the caller's verified token.
struct BackendRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// Set by ``BearerTokenMiddleware`` before any protected route runs.
    var caller: Caller?

    init(source: Source) {
        self.coreContext = .init(source: source)
    }

    /// The verified caller; routes behind ``BearerTokenMiddleware`` can rely on it.
    func requireCaller() throws(BackendError) -> Caller {
        guard let caller else { throw .missingToken }
        return caller
    }
}

/// A caller whose bearer token passed verification.
struct Caller: Sendable {
    /// The verified claims.
    let token: VerifiedToken
    /// The token as sent, for forwarding to the Management API on the caller's behalf.
    let bearer: String
}
