import HTTPTypes
import OpenAPIKit

/// One documented Management API route: the method, the OpenAPI path template (`/api/v2/roles/{id}`) and its
/// operation.
struct SpecRoute: Sendable {
    let method: OpenAPI.HttpMethod
    let path: String
    let operation: OpenAPI.Operation
}

extension SpecRoute {
    /// The documented form of a route-table operation; its path parameters come from its path.
    init(_ operation: ManagementOperation, links: OpenAPI.Link.Map = [:]) {
        self.init(
            method: OpenAPI.HttpMethod(rawValue: operation.method.rawValue) ?? .get, path: operation.documentPath,
            operation: SpecOperation.make(
                operation.operationID, tag: operation.tag, summary: operation.summary, scope: operation.scope.required,
                parameters: operation.pathParameters.map(SpecOperation.path) + operation.parameters,
                body: operation.body.map { SpecSchema.ref($0.schemaName) }, form: operation.form,
                status: operation.status,
                response: operation.response, errors: operation.errors, links: links))
    }
}
