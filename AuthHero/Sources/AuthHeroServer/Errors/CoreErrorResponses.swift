import AuthHeroCore
import Hummingbird

/// Too many password checks at once: 429 `too_many_requests` with `Retry-After`, so a client backs off.
extension PasswordHashingError: HTTPResponseError {
    public var status: HTTPResponse.Status { .tooManyRequests }

    public func response(from request: Request, context: some RequestContext) -> Response {
        var response = OAuthErrorBody.response(
            OAuthError(code: "too_many_requests", message: description, status: Int(status.code)))
        if case .busy(let seconds) = self { response.headers[.retryAfter] = String(seconds) }
        return response
    }
}

/// A host that names no tenant is a 404: never silently served as the control plane.
extension TenantResolutionError: HTTPResponseError {
    public var status: HTTPResponse.Status { .notFound }

    public func response(from request: Request, context: some RequestContext) -> Response {
        OAuthErrorBody.response(OAuthError(code: "not_found", message: description, status: Int(status.code)))
    }
}
