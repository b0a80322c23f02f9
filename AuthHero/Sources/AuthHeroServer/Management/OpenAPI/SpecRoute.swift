import OpenAPIKit

/// One documented Management API route: the method, the OpenAPI path template (`/api/v2/roles/{id}`) and its
/// operation.
struct SpecRoute: Sendable {
    let method: OpenAPI.HttpMethod
    let path: String
    let operation: OpenAPI.Operation
}

/// The part of the document one route group contributes: its routes and the schemas they refer to. Each route group
/// has one `ManagementSpec+<Group>.swift` file defining its `SpecGroup`.
struct SpecGroup: Sendable {
    /// Schema components by name, referred to with ``SpecSchema/ref(_:)``.
    let schemas: [(String, JSONSchema)]
    let routes: [SpecRoute]
}

extension SpecRoute {
    /// A route built with ``SpecOperation/make(_:tag:summary:scope:parameters:body:status:response:errors:)``.
    init(
        _ method: OpenAPI.HttpMethod, _ path: String, _ id: String, tag: String, summary: String, scope: String?,
        parameters: [OpenAPI.Parameter] = [], body: JSONSchema? = nil, status: OpenAPI.Response.StatusCode = 200,
        response: JSONSchema?, errors: [OpenAPI.Response.StatusCode] = []
    ) {
        self.init(
            method: method, path: path,
            operation: SpecOperation.make(
                id, tag: tag, summary: summary, scope: scope, parameters: parameters, body: body, status: status,
                response: response, errors: errors))
    }
}
