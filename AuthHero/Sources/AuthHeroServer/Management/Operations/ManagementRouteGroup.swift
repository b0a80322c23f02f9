import Hummingbird
import OpenAPIKit

/// A group of Management API operations (roles, users, ...): one table of ``ManagementOperation``s whose handlers
/// are the group's methods, and the schema components its bodies and answers refer to.
protocol ManagementRouteGroup: Sendable {
    /// Schema components by name, referred to with ``SpecSchema/ref(_:)``; body schemas come from ``operations``.
    var schemas: [(String, JSONSchema)] { get }
    var operations: [ManagementOperation] { get }
}

extension ManagementRouteGroup {
    /// The group's routes, relative to `/api/v2`.
    var routes: RouteCollection<AuthHeroRequestContext> {
        let routes = RouteCollection(context: AuthHeroRequestContext.self)
        for operation in operations {
            routes.on(RouterPath(operation.routerPath), method: operation.method) { request, context in
                try await operation.respond(request, context)
            }
        }
        return routes
    }
}
