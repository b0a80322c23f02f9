import Hummingbird
import OpenAPIKit

/// One Management API operation, declared once: what it answers to (method, path), who may call it (scope), what
/// it reads (parameters, body) and answers, and its handler. The router and the OpenAPI document are both built
/// from these values, so a route cannot exist undocumented or with a scope the document does not state.
struct ManagementOperation: Sendable {
    /// The steps a handler runs after the common ones: the caller is a verified management caller holding the
    /// scope, and the body (if any) is decoded.
    typealias Handler = @Sendable (Request, AuthHeroRequestContext, ManagementCaller) async throws -> Response

    let method: HTTPRequest.Method
    /// The path below `/api/v2/`, with parameters in braces: `roles/{id}/permissions`.
    let path: String
    /// What the caller must hold; a token scope is checked before the body is read.
    let scope: ManagementScope
    let operationID: String
    let tag: String
    let summary: String
    /// Query and path parameters the document lists (`{id}`s are added from the path).
    let parameters: [OpenAPI.Parameter]
    /// The body the operation reads, decoded strictly before the handler runs.
    let body: (any ManagementBody.Type)?
    /// The fields of a `multipart/form-data` body the handler reads itself (a users file), for the document.
    let form: JSONSchema?
    let status: OpenAPI.Response.StatusCode
    /// The answer's schema; nil when the answer has no body.
    let response: JSONSchema?
    /// Refusals beyond ``SpecOperation/commonErrors``.
    let errors: [OpenAPI.Response.StatusCode]
    let handler: Handler

    /// An operation without a JSON body; `form` documents the `multipart/form-data` fields of one that reads a form.
    init(
        _ method: HTTPRequest.Method, _ path: String, _ operationID: String, summary: String, scope: ManagementScope,
        parameters: [OpenAPI.Parameter] = [], form: JSONSchema? = nil, status: OpenAPI.Response.StatusCode = 200,
        response: JSONSchema?, errors: [OpenAPI.Response.StatusCode] = [], tag: String,
        handler: @escaping Handler
    ) {
        self.init(
            method, path, operationID, summary: summary, scope: scope, parameters: parameters, body: nil, form: form,
            status: status, response: response, errors: errors, tag: tag, handler: handler)
    }

    /// An operation reading a `Body`, decoded strictly (unknown fields are a 400 `invalid_body`).
    init<Body: ManagementBody>(
        _ method: HTTPRequest.Method, _ path: String, _ operationID: String, summary: String, scope: ManagementScope,
        parameters: [OpenAPI.Parameter] = [], body: Body.Type, status: OpenAPI.Response.StatusCode = 200,
        response: JSONSchema?, errors: [OpenAPI.Response.StatusCode] = [], tag: String,
        handler: @escaping @Sendable (Body, Request, AuthHeroRequestContext, ManagementCaller) async throws -> Response
    ) {
        self.init(
            method, path, operationID, summary: summary, scope: scope, parameters: parameters,
            body: body as (any ManagementBody.Type)?, form: nil, status: status, response: response, errors: errors,
            tag: tag
        ) { request, context, caller in
            try await handler(try await Body.decode(request), request, context, caller)
        }
    }

    private init(
        _ method: HTTPRequest.Method, _ path: String, _ operationID: String, summary: String, scope: ManagementScope,
        parameters: [OpenAPI.Parameter], body: (any ManagementBody.Type)?, form: JSONSchema?,
        status: OpenAPI.Response.StatusCode,
        response: JSONSchema?, errors: [OpenAPI.Response.StatusCode], tag: String, handler: @escaping Handler
    ) {
        self.method = method
        self.path = path
        self.scope = scope
        self.operationID = operationID
        self.tag = tag
        self.summary = summary
        self.parameters = parameters
        self.body = body
        self.form = form
        self.status = status
        self.response = response
        self.errors = errors
        self.handler = handler
    }

    /// The path as Hummingbird's router spells it (`roles/:id/permissions`).
    var routerPath: String {
        path.split(separator: "/").map { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? ":" + segment.dropFirst().dropLast() : segment
        }.joined(separator: "/")
    }

    /// The path as the OpenAPI document spells it (`/api/v2/roles/{id}/permissions`).
    var documentPath: String { "/api/v2/" + path }

    /// The names of the path's parameters, in order.
    var pathParameters: [String] {
        path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
    }

    /// Runs the common steps, then the handler. Management answers carry tenants' data, so none is cached.
    func respond(_ request: Request, _ context: AuthHeroRequestContext) async throws -> Response {
        let caller = try context.requireManagement()
        if let scope = scope.required { try caller.require(scope: scope) }
        var response = try await handler(request, context, caller)
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}
