import Hummingbird

/// A Management API refusal, answered in Auth0's shape
/// `{"statusCode":403,"error":"Forbidden","message":"...","errorCode":"insufficient_scope"}`. `message` is
/// user-facing: it says what is wrong and how to fix it.
struct ManagementError: HTTPResponseError, Equatable {
    let status: HTTPResponse.Status
    let errorCode: String
    let message: String

    /// 401: no bearer token, or one that does not verify (RFC 6750 `invalid_token`).
    static func invalidToken(_ message: String) -> Self {
        Self(status: .unauthorized, errorCode: "invalid_token", message: message)
    }

    /// 403: a valid token without the scope this route needs.
    static func insufficientScope(_ scope: String) -> Self {
        Self(
            status: .forbidden, errorCode: "insufficient_scope",
            message: "Insufficient scope, expected any of: \(scope)")
    }

    /// 403: a valid token that may not act on the target tenant.
    static func forbiddenTenant(_ message: String) -> Self {
        Self(status: .forbidden, errorCode: "forbidden_tenant", message: message)
    }

    /// 400: the request names its tenant inconsistently.
    static func invalidTenantHeader(_ message: String) -> Self {
        Self(status: .badRequest, errorCode: "invalid_tenant", message: message)
    }

    /// 404: the tenant or object named does not exist.
    static func notFound(_ errorCode: String, _ message: String) -> Self {
        Self(status: .notFound, errorCode: errorCode, message: message)
    }

    /// 503: a platform-staff request could not be audited, so it was not run (fail closed).
    static let auditUnavailable = Self(
        status: .serviceUnavailable, errorCode: "audit_unavailable",
        message: "The request was not run because it could not be written to the audit log. Try again later.")

    func response(from request: Request, context: some RequestContext) -> Response { response }

    /// The Auth0 error body for this refusal.
    var response: Response {
        var headers: HTTPFields = [.cacheControl: "no-store"]
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer error=\"invalid_token\"" }
        return JSONResponse.make(
            ManagementErrorBody(
                statusCode: Int(status.code), error: status.reasonPhrase, message: message, errorCode: errorCode),
            status: status, headers: headers)
    }
}

/// The JSON of a ``ManagementError``.
private struct ManagementErrorBody: Encodable {
    let statusCode: Int
    let error: String
    let message: String
    let errorCode: String
}
