import AuthHeroVerify
import Hummingbird

/// Verifies the bearer token of every request it guards with `AuthHeroVerify` (the control plane's keys from its
/// JWKS, its issuer only, the accepted audiences, RS256/ES256 only) and puts the claims on the context.
///
/// No token or a bad one is a 401; a valid token for an audience this service does not serve is a 403; keys that
/// cannot be loaded are a 502.
struct BearerTokenMiddleware: RouterMiddleware {
    typealias Context = BackendRequestContext
    let verifier: TokenVerifier

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let authorization = request.headers[.authorization] else { throw BackendError.missingToken }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw BackendError.invalidToken("Send the access token as \"Authorization: Bearer <access token>\".")
        }
        let bearer = parts[1].trimmingCharacters(in: .whitespaces)
        let token: VerifiedToken
        do {
            token = try await verifier.verify(bearer)
        } catch .keysUnavailable(let reason) {
            // The cause names internal addresses and errors: it goes to the log, the caller learns what failed.
            context.logger.error("The control plane's keys could not be loaded", metadata: ["reason": "\(reason)"])
            throw BackendError.upstream(
                "The control plane's signing keys (its JWKS) could not be loaded. Try again later.")
        } catch {
            throw Self.refusal(error)
        }
        var context = context
        context.caller = Caller(token: token, bearer: bearer)
        return try await next(request, context)
    }

    private static func refusal(_ error: TokenVerificationError) -> BackendError {
        switch error {
        case .audienceNotAccepted:
            .accessDenied(error.description)
        default:
            .invalidToken(error.description)
        }
    }
}
