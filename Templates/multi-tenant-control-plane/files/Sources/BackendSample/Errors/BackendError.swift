import Hummingbird

/// Why the backend sample refused a request, answered as `{"error": code, "error_description": description}` by
/// ``ErrorResponseMiddleware``. The description is user-facing: it says what is wrong and how to fix it.
struct BackendError: Error, Equatable, Sendable {
    /// The HTTP status of the answer.
    let status: HTTPResponse.Status
    /// The machine-readable `error` value.
    let code: String
    /// The `error_description`: what went wrong and what to do about it.
    let description: String
    /// The `WWW-Authenticate` challenge (RFC 6750 §3), on 401 answers and on 403 answers for a missing permission.
    let challenge: String?

    /// 401: no bearer token at all; the challenge carries no error code (RFC 6750 §3.1).
    static let missingToken = Self(
        status: .unauthorized, code: "invalid_token",
        description: "A bearer access token is required: send \"Authorization: Bearer <access token>\".",
        challenge: "Bearer realm=\"backend-sample\"")

    /// 401: a token that is malformed, expired, forged or from another issuer.
    static func invalidToken(_ reason: String) -> Self {
        Self(
            status: .unauthorized, code: "invalid_token", description: reason,
            challenge: "Bearer realm=\"backend-sample\", error=\"invalid_token\"")
    }

    /// 403: a valid token of the wrong kind for this route (organization, audience, internal or not).
    static func accessDenied(_ reason: String) -> Self {
        Self(status: .forbidden, code: "access_denied", description: reason, challenge: nil)
    }

    /// 403: a valid token of the right kind that lacks `permission`.
    static func insufficientPermission(_ permission: String) -> Self {
        Self(
            status: .forbidden, code: "insufficient_scope",
            description: "The token lacks the permission \"\(permission)\"; ask an administrator for a role that "
                + "grants it, then get a new token.",
            challenge: "Bearer realm=\"backend-sample\", error=\"insufficient_scope\", scope=\"\(permission)\"")
    }

    /// 400: a path or query value this API cannot use.
    static func invalidRequest(_ reason: String) -> Self {
        Self(status: .badRequest, code: "invalid_request", description: reason, challenge: nil)
    }

    /// 404: no such route, or no such customer.
    static func notFound(_ reason: String) -> Self {
        Self(status: .notFound, code: "not_found", description: reason, challenge: nil)
    }

    /// 502: the control plane (keys, token endpoint or Management API) failed or could not be reached.
    static func upstream(_ reason: String) -> Self {
        Self(status: .badGateway, code: "upstream_error", description: reason, challenge: nil)
    }

    /// 503: the audit record could not be written, so the data was not read (fail closed).
    static let auditUnavailable = Self(
        status: .serviceUnavailable, code: "audit_unavailable",
        description: "The request was not served because it could not be written to the audit log first. "
            + "Try again later.",
        challenge: nil)

    /// 500: a fault of this service, never of the request; the cause is logged, not shown.
    static let serverError = Self(
        status: .internalServerError, code: "server_error",
        description: "The backend sample failed to answer; see its log.", challenge: nil)
}
