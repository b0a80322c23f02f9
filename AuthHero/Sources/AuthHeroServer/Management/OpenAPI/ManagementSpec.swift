import Foundation
import OpenAPIKit

/// The OpenAPI 3.1 document of the Management API (`GET /api/v2/spec`), assembled from one ``SpecGroup`` per route
/// group. A new route group adds its `ManagementSpec+<Group>.swift` file and one entry to ``groups``.
enum ManagementSpec {
    /// Every documented route group, in the order the document lists them.
    static var groups: [SpecGroup] {
        [tenants, users, roles, resourceServers, organizations, signingKeys, logs, customDomains, clients]
    }

    /// Every documented route.
    static var routes: [SpecRoute] { groups.flatMap(\.routes) }

    /// The whole document.
    static func document() -> OpenAPI.Document {
        var paths: OpenAPI.PathItem.Map = [:]
        for route in routes {
            let path = OpenAPI.Path(rawValue: route.path)
            var item = paths[path]?.b ?? OpenAPI.PathItem()
            item[route.method] = route.operation
            paths[path] = .b(item)
        }
        var schemas: OrderedDictionary<OpenAPI.ComponentKey, JSONSchema> = ["Error": SpecSchema.error]
        for (name, schema) in groups.flatMap(\.schemas) {
            if let key = OpenAPI.ComponentKey(rawValue: name) { schemas[key] = schema }
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
                schemas: schemas,
                securitySchemes: [bearerScheme: .b(.init(type: .http(scheme: "bearer", bearerFormat: "JWT")))]),
            security: [[.component(named: bearerScheme.rawValue): []]])
    }

    /// The document as JSON, keys sorted so the bytes are stable.
    static func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(document())
    }

    private static let bearerScheme: OpenAPI.ComponentKey = "bearerAuth"
}
