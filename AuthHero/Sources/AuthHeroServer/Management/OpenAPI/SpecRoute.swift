import HTTPTypes
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

extension SpecRoute {
    /// The documented form of a route-table operation; its path parameters come from its path.
    init(_ operation: ManagementOperation, links: OpenAPI.Link.Map = [:]) {
        self.init(
            method: OpenAPI.HttpMethod(rawValue: operation.method.rawValue) ?? .get, path: operation.documentPath,
            operation: SpecOperation.make(
                operation.operationID, tag: operation.tag, summary: operation.summary, scope: operation.scope,
                parameters: operation.pathParameters.map(SpecOperation.path) + operation.parameters,
                body: operation.body.map { SpecSchema.ref($0.schemaName) }, status: operation.status,
                response: operation.response, errors: operation.errors, links: links))
    }
}
