import Foundation
import OpenAPIKit

/// The OpenAPI 3.1 document of the Management API (`GET /api/v2/spec`), built from the same
/// ``ManagementRouteGroup`` tables the router serves.
enum ManagementSpec {
    /// Every documented route: one per operation of `tables`.
    static func routes(_ tables: [any ManagementRouteGroup]) -> [SpecRoute] {
        let operations = tables.flatMap(\.operations)
        let links = SpecLinks.links(operations, schemas: tables.flatMap(\.schemas))
        return operations.map { SpecRoute($0, links: links[$0.operationID] ?? [:]) }
    }

    /// The schema components: the error body, those `tables` define, and every body's.
    static func schemas(_ tables: [any ManagementRouteGroup]) -> OrderedDictionary<OpenAPI.ComponentKey, JSONSchema> {
        let bodies = tables.flatMap(\.operations).compactMap(\.body).map { ($0.schemaName, $0.schema) }
        var schemas: OrderedDictionary<OpenAPI.ComponentKey, JSONSchema> = ["Error": SpecSchema.error]
        for (name, schema) in tables.flatMap(\.schemas) + bodies {
            if let key = OpenAPI.ComponentKey(rawValue: name) { schemas[key] = schema }
        }
        return schemas
    }

    /// The whole document.
    static func document(_ tables: [any ManagementRouteGroup]) -> OpenAPI.Document {
        var paths: OpenAPI.PathItem.Map = [:]
        for route in routes(tables) {
            let path = OpenAPI.Path(rawValue: route.path)
            var item = paths[path]?.b ?? OpenAPI.PathItem()
            item[route.method] = route.operation
            paths[path] = .b(item)
        }
        return OpenAPI.Document(
            openAPIVersion: .v3_1_0,
            info: .init(
                title: "AuthHero Management API",
                description: "Auth0-compatible Management API v2 of one tenant. The tenant is the request's host, or, "
                    + "at the control plane's host only, the tenant-id header. Every route needs a Bearer access "
                    + "token for urn:authhero:management holding the scope the route names; this document itself "
                    + "is public.",
                version: "2"),
            servers: [],
            paths: paths,
            components: .init(
                schemas: schemas(tables),
                securitySchemes: [
                    SpecOperation.bearerScheme: .b(.init(type: .http(scheme: "bearer", bearerFormat: "JWT")))
                ]),
            security: [[.component(named: SpecOperation.bearerScheme.rawValue): []]])
    }

    /// The document as JSON, keys sorted so the bytes are stable.
    static func json(_ tables: [any ManagementRouteGroup]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(document(tables))
    }

}
