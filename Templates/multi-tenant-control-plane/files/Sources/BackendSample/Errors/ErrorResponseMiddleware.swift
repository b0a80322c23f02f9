import Foundation
import Hummingbird

/// Turns every error into one JSON answer `{"error", "error_description"}` in one place: ``BackendError`` with its
/// status and challenge, Hummingbird's own errors (unknown route, wrong method, body too large) with their status,
/// anything else as a 500 whose error type (never a token) goes to the log.
struct ErrorResponseMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as BackendError {
            return Self.response(error)
        } catch let error as HTTPResponseError {
            let reason =
                error.status == .notFound
                ? "No such endpoint: \(request.method.rawValue) \(request.uri.path)." : error.status.reasonPhrase
            let code = error.status == .notFound ? "not_found" : "invalid_request"
            return Self.response(BackendError(status: error.status, code: code, description: reason, challenge: nil))
        } catch {
            context.logger.error(
                "Request failed", metadata: ["error_type": "\(type(of: error))", "path": "\(request.uri.path)"])
            return Self.response(.serverError)
        }
    }

    /// The JSON answer of `error`, never cached.
    static func response(_ error: BackendError) -> Response {
        var headers: HTTPFields = [.cacheControl: "no-store"]
        if let challenge = error.challenge { headers[.wwwAuthenticate] = challenge }
        return JSONBody.response(
            ErrorBody(error: error.code, errorDescription: error.description), status: error.status, headers: headers)
    }
}

/// The `{error, error_description}` body (the shape of RFC 6749 §5.2, which API clients already parse).
private struct ErrorBody: Encodable {
    let error: String
    let errorDescription: String

    private enum CodingKeys: String, CodingKey {
        case error
        case errorDescription = "error_description"
    }
}
