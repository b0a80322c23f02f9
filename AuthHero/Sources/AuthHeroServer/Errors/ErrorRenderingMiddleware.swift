import AuthHeroCore
import Hummingbird
import Logging

/// Renders what no error renders itself: OAuth errors (core types whose status is a plain number) as
/// `{error, error_description}`, Hummingbird's own errors (no route, bad method, too large) in the same shape, and
/// anything else as a generic 500 whose cause goes to the log (error types only: never request bodies, secrets or
/// tokens). Every other error is an `HTTPResponseError` and answers for itself.
struct ErrorRenderingMiddleware: RouterMiddleware {
    typealias Context = AuthHeroRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as OAuthError {
            return OAuthErrorBody.response(error)
        } catch let error as HTTPError {
            let message = error.status == .notFound ? "No such endpoint." : error.status.reasonPhrase
            let code = error.status == .notFound ? "not_found" : "invalid_request"
            return OAuthErrorBody.response(OAuthError(code: code, message: message, status: error.status.code))
        } catch let error as any HTTPResponseError {
            return try error.response(from: request, context: context)
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
