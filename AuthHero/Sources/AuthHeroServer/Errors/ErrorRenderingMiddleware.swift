import AuthHeroCore
import Hummingbird
import Logging

/// Maps every error to one JSON answer in one place: OAuth errors as `{error, error_description}` with their status,
/// an unknown host as 404, Hummingbird's own errors (bad method, too large) with their status, anything else as a
/// generic 500 whose cause goes to the log (error types only: never request bodies, secrets or tokens).
struct ErrorRenderingMiddleware: RouterMiddleware {
    typealias Context = AuthHeroRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as ManagementError {
            return error.response
        } catch let error as OAuthError {
            return OAuthErrorBody.response(error)
        } catch let error as PasswordHashingError {
            var response = OAuthErrorBody.response(
                OAuthError(code: "too_many_requests", message: error.description, status: 429))
            if case .busy(let seconds) = error { response.headers[.retryAfter] = String(seconds) }
            return response
        } catch let error as TenantResolutionError {
            return OAuthErrorBody.response(OAuthError(code: "not_found", message: error.description, status: 404))
        } catch let error as any HTTPResponseError {
            let message = error.status == .notFound ? "No such endpoint." : error.status.reasonPhrase
            let code = error.status == .notFound ? "not_found" : "invalid_request"
            return OAuthErrorBody.response(OAuthError(code: code, message: message, status: error.status.code))
        } catch {
            context.logger.error(
                "Request failed", metadata: ["error_type": "\(type(of: error))", "path": "\(request.uri.path)"])
            return OAuthErrorBody.response(.serverError())
        }
    }
}

/// The `{error, error_description}` body (RFC 6749 §5.2).
struct OAuthErrorBody: Encodable {
    let error: String
    let errorDescription: String

    private enum CodingKeys: String, CodingKey {
        case error
        case errorDescription = "error_description"
    }

    static func response(_ error: OAuthError) -> Response {
        var headers: HTTPFields = [.cacheControl: "no-store"]
        if error.status == 401 { headers[.wwwAuthenticate] = "Basic realm=\"oauth\"" }
        return JSONResponse.make(
            OAuthErrorBody(error: error.code, errorDescription: error.message),
            status: HTTPResponse.Status(code: error.status), headers: headers)
    }
}
